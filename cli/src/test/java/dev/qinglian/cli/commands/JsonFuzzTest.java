package dev.qinglian.cli.commands;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.render.MapShapes;
import java.nio.file.Path;

/**
 * Fuzz targets for the JSON the command line reads: whatever bytes a published result (verify) or a
 * map (report) holds, the reader returns or refuses with exit code 1 and a message — never another
 * exception (a ClassCastException was exit 4). {@code mvn verify} runs the seeds in {@code
 * src/test/resources/dev/qinglian/cli/commands/JsonFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test
 * -pl cli -Dtest='JsonFuzzTest#verifyResult'} fuzzes (.ci/run does, a minute each).
 */
class JsonFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void verifyResult(byte[] data) {
    try {
      VerifyCommand.Result.of(Path.of("fuzz.json"), data);
    } catch (CliException e) {
      if (e.exitCode() != ExitCode.INPUT || e.getMessage() == null) {
        throw new AssertionError("exit " + e.exitCode() + ": " + e.getMessage());
      }
    }
  }

  @FuzzTest(maxDuration = "60s")
  void mapShapes(byte[] data) {
    try {
      MapShapes.parse(Path.of("fuzz.geojson"), data);
    } catch (CliException e) {
      if (e.exitCode() != ExitCode.INPUT || e.getMessage() == null) {
        throw new AssertionError("exit " + e.exitCode() + ": " + e.getMessage());
      }
    }
  }
}
