package dev.qinglian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.eval.PeriodResult;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An embedder's pool: the workspace is read and evaluated there, the library starts no thread of
 * its own meanwhile, and the numbers are those of a workspace without a pool.
 */
class WorkspacePoolTest {
  static final Path DEMO = TestFiles.root().resolve("examples/demo-county");
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @Test
  void readingAndEvaluatingRunInTheCallersPool() throws Exception {
    Set<String> ran = ConcurrentHashMap.newKeySet();
    ForkJoinPool pool =
        new ForkJoinPool(
            2,
            p -> {
              var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
              t.setName("embedder-" + t.getPoolIndex());
              return t;
            },
            null,
            false);
    PeriodResult p = Workspace.open(DEMO).orElseThrow().evaluate(OCT); // without a pool
    Set<String> before = threadNames();
    try {
      Workspace ws = Workspace.open(Workspace.Options.of(DEMO).withPool(pool)).orElseThrow();
      ran.addAll(threadNames());
      PeriodResult r = ws.evaluate(OCT);
      // the same numbers, bit for bit (B38: 98.9159068627451 by tools/crosscheck.py)
      assertEquals(98.9159068627451, r.index(r.indexOf("B38")), 1e-13);
      for (int u = 0; u < r.size(); u++) {
        assertEquals(Double.doubleToLongBits(p.index(u)), Double.doubleToLongBits(r.index(u)));
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    // the work ran in the pool's threads, and the library made none of its own for it
    assertTrue(ran.stream().anyMatch(n -> n.startsWith("embedder-")), ran.toString());
    Set<String> after = threadNames();
    after.removeAll(before);
    assertTrue(
        after.stream().noneMatch(n -> n.startsWith("qinglian")), // the pool's own may still end
        after.toString());
  }

  private static Set<String> threadNames() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
    return names;
  }
}
