package io.sluice.models.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU inference on a batch split by rows: one slice per worker thread, each worker running the whole encoder on
 * its slice with a single intra-op thread, and the slices' outputs concatenated in row order. PyTorch's own
 * intra-op threading synchronises its threads at every operator (about 20 per layer), and on our virtual
 * machines a waiting OpenMP thread is slow to wake, so two intra-op threads did little better than one on
 * short sequences (batch 32 x 32 tokens at 0.74x ONNX Runtime). Slices run independently from the first layer
 * to the last. Rows never interact in an encoder, so the result is the same as one call on the whole batch.
 */
final class RowSlices implements AutoCloseable {
  /** Serialises the thread-count handover in {@link #useOneIntraOpThread}. */
  private static final Object THREAD_SETTINGS = new Object();
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int workers;
  /** The intra-op thread count other threads use; workers put it back after taking one thread for themselves. */
  private final int sharedThreads;
  private final ExecutorService pool;

  RowSlices(int workers) {
    this.workers = workers;
    this.sharedThreads = JniUtils.getNumThreads();
    int poolId = POOLS.incrementAndGet();
    AtomicInteger threadId = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread t = new Thread(() -> {
        useOneIntraOpThread();
        task.run();
      }, "sluice-encoder-" + poolId + "-rows-" + threadId.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(workers, factory);
  }

  /**
   * One worker per intra-op thread PyTorch was configured with (ai.djl.pytorch.num_threads), or null when that
   * is one: then there is nothing to split across.
   */
  static RowSlices forConfiguredThreads() {
    int threads = JniUtils.getNumThreads();
    return threads > 1 ? new RowSlices(threads) : null;
  }

  /**
   * Runs {@code encoder} on contiguous row slices (one per worker, fewer for small batches) on the workers; the concatenated result belongs to
   * {@code call}. Waits for every slice before returning, also when one fails.
   */
  NDArray forward(NDManager call, long[][] ids, long[][] mask, SliceEncoder encoder) {
    int parts = Math.min(workers, ids.length);
    List<NDManager> managers = new ArrayList<>();
    List<Future<NDArray>> results = new ArrayList<>();
    try {
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) ids.length * p / parts);
        int to = (int) ((long) ids.length * (p + 1) / parts);
        NDManager slice = call.newSubManager();
        managers.add(slice);
        long[][] sliceIds = Arrays.copyOfRange(ids, from, to);
        long[][] sliceMask = Arrays.copyOfRange(mask, from, to);
        results.add(pool.submit(() -> encoder.forward(slice, sliceIds, sliceMask)));
      }
      NDList outputs = awaitAll(results);
      NDArray joined = NDArrays.concat(outputs, 0);
      joined.attach(call);
      return joined;
    } finally {
      // only after every worker is done with its manager (awaitAll waits even on failure)
      managers.forEach(NDManager::close);
    }
  }

  private static NDList awaitAll(List<Future<NDArray>> results) {
    NDList outputs = new NDList();
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Future<NDArray> f : results) {
      while (true) {
        try {
          outputs.add(f.get());
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the slices' native memory must not be freed under a running worker: keep waiting
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          RuntimeException wrapped = cause instanceof RuntimeException r ? r
              : new IllegalStateException("encoder slice failed", cause);
          if (failure == null) {
            failure = wrapped;
          } else {
            failure.addSuppressed(wrapped);
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return outputs;
  }

  /**
   * Makes the calling worker thread run PyTorch operators on one thread. PyTorch keeps the count per thread
   * (OpenMP team size and MKL's thread-local count) but also stores it as the default that threads calling
   * PyTorch for the first time copy; that default is put back from a throwaway thread, so other threads keep
   * the configured count.
   */
  private void useOneIntraOpThread() {
    synchronized (THREAD_SETTINGS) {
      JniUtils.getNumThreads(); // first PyTorch call on this thread: takes the shared default now
      JniUtils.setNumThreads(1);
      Thread restore = new Thread(() -> JniUtils.setNumThreads(sharedThreads), "sluice-thread-default");
      restore.start();
      boolean interrupted = false;
      while (true) {
        try {
          restore.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  /** The encoder's forward pass on one slice, run on a worker thread; the result belongs to {@code manager}. */
  @FunctionalInterface
  interface SliceEncoder {
    NDArray forward(NDManager manager, long[][] ids, long[][] mask);
  }
}
