package dev.qinglian.bench;

import dev.qinglian.data.Dataset;
import dev.qinglian.data.Unit;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.Normalisation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluation kernel on in-memory data (no I/O): one month of the default model (46
 * indicators) for N units, and a 24-month range (the trend path) for 100,000 units.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class KernelBench {
  @Param({"10000", "100000", "1000000"})
  int units;

  @Param({"1"})
  int months;

  IndicatorModel model;
  Dataset data;
  Evaluator evaluator;
  YearMonth last = YearMonth.of(2026, 10);

  /** Random values within each leaf's goalposts for every unit and month. */
  @Setup
  public void setUp() {
    model = ModelLoader.loadDefault().value();
    Random r = new Random(1);
    List<Unit> list = new ArrayList<>(units);
    for (int u = 0; u < units; u++) {
      list.add(new Unit("U" + u, "U" + u, "t", "", 20 + r.nextInt(180), 5000 + r.nextInt(50000), Map.of(), 0));
    }
    UnitRegister register = new UnitRegister(list, "");
    List<YearMonth> ms = new ArrayList<>();
    List<double[][]> values = new ArrayList<>();
    for (int m = months - 1; m >= 0; m--) {
      ms.add(last.minusMonths(m));
      double[][] v = new double[model.leaves().size()][units];
      for (int l = 0; l < v.length; l++) {
        Normalisation.Goalposts g = (Normalisation.Goalposts) model.leaves().get(l).leaf().normalisation();
        double lo = Math.min(g.worst(), g.best());
        double hi = Math.max(g.worst(), g.best());
        for (int u = 0; u < units; u++) {
          v[l][u] = Math.round((lo + (hi - lo) * r.nextDouble()) * 10) / 10.0;
        }
      }
      values.add(v);
    }
    data = Dataset.of(model, register, ms, values);
    evaluator = new Evaluator(model);
  }

  /** One month, everything: normalise, aggregate, classify, caps, coverage, ranking. */
  @Benchmark
  public PeriodResult evaluateMonth() {
    return evaluator.evaluate(data, last);
  }

  /** Every month of the dataset (use with -p months=24 -p units=100000). */
  @Benchmark
  public List<PeriodResult> evaluateRange() {
    return evaluator.evaluate(data, last.minusMonths(months - 1L), last);
  }
}
