package io.sluice.models.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded copy of each model per JVM, shared by all threads: {@link #acquire} loads on first use and counts
 * references; the model is closed (its native memory released) when the last lease is closed. Loading happens
 * under the cache lock so two threads never load the same model twice.
 */
public final class ModelCache {
  private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
  private static final ModelCache SHARED = new ModelCache();

  private final Map<Object, Entry> entries = new HashMap<>();

  /** The per-JVM cache. */
  public static ModelCache shared() {
    return SHARED;
  }

  public synchronized <T extends AutoCloseable> Lease<T> acquire(Object key, Supplier<T> loader) {
    Entry e = entries.get(key);
    if (e == null) {
      long start = System.nanoTime();
      e = new Entry(loader.get());
      entries.put(key, e);
      LOG.info("loaded model {} in {} ms", key, (System.nanoTime() - start) / 1_000_000);
    }
    e.refs++;
    @SuppressWarnings("unchecked")
    T model = (T) e.model;
    return new Lease<>(this, key, model);
  }

  public synchronized int referenceCount(Object key) {
    Entry e = entries.get(key);
    return e == null ? 0 : e.refs;
  }

  private synchronized void release(Object key) {
    Entry e = entries.get(key);
    if (e == null) {
      return;
    }
    if (--e.refs == 0) {
      entries.remove(key);
      try {
        e.model.close();
        LOG.info("released model {}", key);
      } catch (Exception ex) {
        LOG.warn("closing model {} failed", key, ex);
      }
    }
  }

  private static final class Entry {
    final AutoCloseable model;
    int refs;

    Entry(AutoCloseable model) {
      this.model = model;
    }
  }

  /** A reference to a cached model; close it (e.g. in a DoFn's @Teardown) exactly once. */
  public static final class Lease<T> implements AutoCloseable {
    private final ModelCache cache;
    private final Object key;
    private final T model;
    private boolean closed;

    private Lease(ModelCache cache, Object key, T model) {
      this.cache = cache;
      this.key = key;
      this.model = model;
    }

    public T get() {
      if (closed) {
        throw new IllegalStateException("lease on model " + key + " already closed");
      }
      return model;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        cache.release(key);
      }
    }
  }
}
