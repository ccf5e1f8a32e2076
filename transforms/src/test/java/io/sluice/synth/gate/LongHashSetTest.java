package io.sluice.synth.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

  @Test
  void holdsWhatAHashSetHoldsThroughGrowthWithZeroAndNegatives() {
    Random random = new Random(3);
    LongHashSet set = new LongHashSet();
    Set<Long> reference = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      // a small range forces repeats; zero and negatives included
      long value = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(20_000) - 10_000;
      assertEquals(reference.add(value), set.add(value), "add " + value);
    }
    assertEquals(reference.size(), set.size());
    assertEquals(reference, Arrays.stream(set.toArray()).boxed().collect(Collectors.toSet()));
    assertFalse(set.add(0));
  }

  @Test
  void mergesAndSurvivesItsCoder() throws Exception {
    LongHashSet a = new LongHashSet();
    a.addAll(new long[] {0, 1, 2, 3});
    LongHashSet b = new LongHashSet(2);
    b.addAll(new long[] {3, 4, -5});
    a.addAll(b);
    assertEquals(6, a.size());
    LongHashSet decoded = CoderUtils.clone(new DistinctNgrams.SetCoder(), a);
    long[] values = decoded.toArray();
    Arrays.sort(values);
    assertTrue(Arrays.equals(new long[] {-5, 0, 1, 2, 3, 4}, values), Arrays.toString(values));
  }
}
