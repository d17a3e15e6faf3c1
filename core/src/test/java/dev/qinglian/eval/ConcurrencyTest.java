package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One evaluator and one dataset shared by many threads give what a single thread gives. */
class ConcurrencyTest {
  static double[] indexes(PeriodResult r) {
    double[] out = new double[r.size() * 3];
    for (int u = 0; u < r.size(); u++) {
      out[3 * u] = r.index(u);
      out[3 * u + 1] = r.rank(u);
      out[3 * u + 2] = r.model().bands().indexOf(r.band(u));
    }
    return out;
  }

  @Test
  void manyThreadsAgreeWithOne() throws Exception {
    Path demo = TestFiles.root().resolve("examples/demo-county");
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    UnitRegister units = UnitRegister.read(demo.resolve("units.csv"), model).orElseThrow();
    List<Path> files;
    try (Stream<Path> s = Files.list(demo.resolve("data"))) {
      files = s.sorted().toList();
    }
    Dataset data = new DataReader(model, units, ReadOptions.DEFAULTS).read(files).orElseThrow();
    Evaluator evaluator = new Evaluator(model);
    List<YearMonth> months = data.periods();
    List<double[]> expected = new ArrayList<>();
    for (YearMonth m : months) {
      expected.add(indexes(evaluator.evaluate(data, m)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (YearMonth m : months) {
          futures.add(pool.submit(() -> indexes(evaluator.evaluate(data, m))));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertArrayEquals(expected.get(i % months.size()), futures.get(i).get(), 0.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
