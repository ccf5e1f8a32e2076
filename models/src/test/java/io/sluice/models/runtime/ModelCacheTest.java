package io.sluice.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelCacheTest {
  static final class Resource implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void oneLoadPerKeySharedByThreadsAndClosedWithTheLastLease() throws Exception {
    ModelCache cache = new ModelCache();
    AtomicInteger loads = new AtomicInteger();
    List<Resource> created = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ModelCache.Lease<Resource>>> leases = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      leases.add(pool.submit(() -> cache.acquire("k", () -> {
        loads.incrementAndGet();
        Resource r = new Resource();
        synchronized (created) {
          created.add(r);
        }
        return r;
      })));
    }
    List<ModelCache.Lease<Resource>> held = new ArrayList<>();
    for (Future<ModelCache.Lease<Resource>> f : leases) {
      held.add(f.get());
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    assertEquals(1, loads.get());
    assertEquals(32, cache.referenceCount("k"));
    Resource r = created.get(0);
    held.forEach(l -> assertSame(r, l.get()));
    for (int i = 0; i < 31; i++) {
      held.get(i).close();
    }
    assertEquals(0, r.closes.get());
    held.get(31).close();
    held.get(31).close(); // closing a lease twice releases once
    assertEquals(1, r.closes.get());
    assertEquals(0, cache.referenceCount("k"));
    assertThrows(IllegalStateException.class, () -> held.get(0).get());
  }

  @Test
  void differentKeysLoadSeparately() {
    ModelCache cache = new ModelCache();
    try (var a = cache.acquire("a", Resource::new); var b = cache.acquire("b", Resource::new)) {
      assertEquals(1, cache.referenceCount("a"));
      assertEquals(1, cache.referenceCount("b"));
      assertEquals(false, a.get() == b.get());
    }
  }
}
