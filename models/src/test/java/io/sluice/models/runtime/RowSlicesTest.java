package io.sluice.models.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowSlicesTest {
  private static final long[][] IDS = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
  private static final long[][] MASK = {{1, 1}, {1, 1}, {1, 0}, {1, 1}, {1, 0}};

  /** Stands in for the encoder: ids times 10 plus the mask, so both inputs are visible in the output. */
  private static NDArray fakeEncoder(NDManager m, long[][] ids, long[][] mask) {
    return m.create(ids).mul(10).add(m.create(mask)).toType(DataType.FLOAT32, false);
  }

  @Test
  void slicesAreJoinedInRowOrderAndTheResultOutlivesTheSlices() {
    List<Integer> sliceSizes = Collections.synchronizedList(new ArrayList<>());
    try (NDManager call = NDManager.newBaseManager("PyTorch");
        RowSlices slices = new RowSlices(2)) {
      NDArray out = slices.forward(call, IDS, MASK, (m, ids, mask) -> {
        sliceSizes.add(ids.length);
        return fakeEncoder(m, ids, mask);
      });
      assertEquals(List.of(2, 3), sliceSizes.stream().sorted().toList());
      assertArrayEquals(new float[] {11, 21, 31, 41, 51, 60, 71, 81, 91, 100}, out.toFloatArray());
      assertEquals(call, out.getManager());
    }
  }

  @Test
  void aFailingSliceFailsTheCallOnlyAfterEverySliceFinished() {
    AtomicInteger finished = new AtomicInteger();
    try (NDManager call = NDManager.newBaseManager("PyTorch");
        RowSlices slices = new RowSlices(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () ->
          slices.forward(call, IDS, MASK, (m, ids, mask) -> {
            if (ids[0][0] == 1) {
              throw new IllegalStateException("first slice broke");
            }
            sleepQuietly(200);
            finished.incrementAndGet();
            return fakeEncoder(m, ids, mask);
          }));
      assertEquals("first slice broke", e.getMessage());
      assertEquals(1, finished.get(), "the other slice ran to the end before the call returned");
    }
  }

  @Test
  void workersLeaveTheConfiguredThreadCountToOtherThreads() throws Exception {
    try (NDManager call = NDManager.newBaseManager("PyTorch");
        RowSlices slices = new RowSlices(2)) {
      int configured = JniUtils.getNumThreads();
      int[] seenByWorkers = new int[2];
      AtomicInteger next = new AtomicInteger();
      slices.forward(call, IDS, MASK, (m, ids, mask) -> {
        seenByWorkers[next.getAndIncrement()] = JniUtils.getNumThreads();
        return fakeEncoder(m, ids, mask);
      });
      assertArrayEquals(new int[] {1, 1}, seenByWorkers);
      int[] seenByNewThread = new int[1];
      Thread fresh = new Thread(() -> seenByNewThread[0] = JniUtils.getNumThreads());
      fresh.start();
      fresh.join();
      assertEquals(configured, JniUtils.getNumThreads());
      assertEquals(configured, seenByNewThread[0], "a thread new to PyTorch gets the configured default");
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
