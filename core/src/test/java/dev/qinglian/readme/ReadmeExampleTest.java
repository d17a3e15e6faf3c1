package dev.qinglian.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.eval.UnitScore;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedding example of README.md compiles and runs here, and README holds exactly this code.
 */
class ReadmeExampleTest {
  static String colourOfZ07(Path project) throws Exception {
    // README-BEGIN
    Path demo = project.resolve("examples/demo-county");
    IndicatorModel model = ModelLoader.load(project.resolve("indicators.yaml")).orElseThrow();
    UnitRegister units = UnitRegister.read(demo.resolve("units.csv"), model).orElseThrow();
    List<Path> files;
    try (Stream<Path> s = Files.list(demo.resolve("data"))) {
      files = s.sorted().toList();
    }
    Dataset data = new DataReader(model, units, ReadOptions.DEFAULTS).read(files).orElseThrow();
    PeriodResult october = new Evaluator(model).evaluate(data, YearMonth.of(2026, 10));
    UnitScore z07 = october.unit("Z07").orElseThrow();
    String colour = z07.band().id(); // "red"
    double index = z07.index(); // 51.157773569023...
    // README-END
    assertEquals(51.15777356902357, index, 1e-9); // tools/crosscheck.py, independently
    return colour;
  }

  @Test
  void runsTheEmbeddingExample() throws Exception {
    assertEquals("red", colourOfZ07(TestFiles.root()));
  }

  @Test
  void readmeShowsThisExampleVerbatim() throws Exception {
    Path root = TestFiles.root();
    String source =
        Files.readString(
            root.resolve("core/src/test/java/dev/qinglian/readme/ReadmeExampleTest.java"),
            StandardCharsets.UTF_8);
    String code =
        source.substring(
            source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
            source.indexOf("    // README-END"));
    String dedented =
        code.lines()
            .map(l -> l.length() >= 4 ? l.substring(4) : l)
            .reduce("", (a, b) -> a + b + "\n");
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains(dedented), "README.md must contain the example:\n" + dedented);
  }
}
