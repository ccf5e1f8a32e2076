package io.sluice.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionPairsTest {
  private final Map<String, Integer> seen = new LinkedHashMap<>();

  private void parse(String... args) {
    OptionPairs.apply(args, (name, value) -> {
      if (!name.equals("--count") && !name.equals("--size")) {
        return false;
      }
      seen.put(name, Integer.parseInt(value));
      return true;
    }, problem -> new IllegalArgumentException(problem + "; usage: x [--count N] [--size N]"));
  }

  @Test
  void appliesPairsInOrderLaterValuesWin() {
    parse("--count", "3", "--size", "7", "--count", "4");
    assertEquals(Map.of("--count", 4, "--size", 7), seen);
  }

  @Test
  void danglingNameUnknownNameAndNonNumberFailWithTheUsage() {
    assertEquals("option --size needs a value; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--count", "1", "--size")).getMessage());
    assertEquals("unknown option --colour; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--colour", "red")).getMessage());
    assertEquals("option --count needs a number, not three; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--count", "three")).getMessage());
  }
}
