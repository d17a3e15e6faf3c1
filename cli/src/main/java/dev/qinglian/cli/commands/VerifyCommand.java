package dev.qinglian.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.render.Hashes;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.render.ScoreRenderer;
import dev.qinglian.eval.PeriodResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qinglian verify RESULT.json}: recomputes a published result and compares. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute a result written by score --format json and confirm it, or show the difference.",
      "",
      "Compares the SHA-256 of the model and of every input file recorded in the result with the"
          + " workspace's, recomputes the month and compares the result byte for byte; on a"
          + " difference, names the changed files and the units whose index or colour differ."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:confirmed: identical",
      "1:different (details on stdout)",
      "2:wrong usage",
      "3:an input cannot be read"
    })
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "RESULT.json",
      descriptionKey = "result",
      description = "A result of score --format json.")
  Path resultFile;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "WORKSPACE",
      descriptionKey = "workspace",
      description = "Workspace folder (default: current folder).")
  Path workspace;

  @Mixin InputOptions inputs;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Common.requireFile(resultFile);
    byte[] published = Files.readAllBytes(resultFile);
    Result json = Result.of(resultFile, published);
    inputs.workspace = workspace;
    Common.Loaded l = Common.load(null, inputs, langOption.lang, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    List<String> differences = new ArrayList<>();
    // 1. the inputs
    Map<String, String> now = new LinkedHashMap<>();
    for (Path p : l.ws().inputs()) {
      now.put(l.ws().display(p), Hashes.sha256(p));
    }
    String modelNow = Hashes.modelSha256(l.ws());
    if (json.modelSha256 != null && !modelNow.equals(json.modelSha256)) {
      differences.add(
          l.labels().get("verify.model_changed", json.modelFile, json.modelSha256, modelNow));
    }
    json.inputs.forEach(
        (f, h) -> {
          if (!now.containsKey(f)) {
            differences.add(l.labels().get("verify.input_is_missing_now", f));
          } else if (!now.get(f).equals(h)) {
            differences.add(l.labels().get("verify.input_changed_sha_then", f, h, now.get(f)));
          }
        });
    now.keySet().stream()
        .filter(f -> !json.inputs.containsKey(f))
        .forEach(f -> differences.add(l.labels().get("verify.input_is_new", f)));
    String version = dev.qinglian.cli.VersionProvider.version();
    if (!json.version.equals(version)) {
      differences.add(l.labels().get("verify.written_by_qinglian_this", json.version, version));
    }
    // 2. the result
    YearMonth p = Common.month(l.ws(), json.period.toString(), "period");
    PeriodResult[] both = Common.evaluateWithPrevious(l.ws(), p);
    String again = new ScoreRenderer(l.ws(), both[0], both[1], Labels.of("en")).json();
    if (Arrays.equals(again.getBytes(StandardCharsets.UTF_8), published)) {
      out.println(
          l.labels()
              .get(
                  "verify.verified_is_reproduced_byte",
                  resultFile,
                  p,
                  both[0].size(),
                  json.inputs.size()));
      return ExitCode.OK;
    }
    Map<String, JsonNode> byUnit = Revisions.byUnit(MAPPER.readTree(again).path("units"));
    int shown = 0;
    int units = 0;
    for (JsonNode then : json.units) {
      JsonNode x = byUnit.get(then.path("unit").asText());
      if (Revisions.differs(then, x)) {
        units++;
        if (shown++ < 20) {
          differences.add(
              l.labels()
                  .get(
                      "verify.unit_changed",
                      text(then, "unit"),
                      text(then, "index") + " " + text(then, "colour"),
                      x == null
                          ? l.labels().get("verify.absent")
                          : text(x, "index") + " " + text(x, "colour")));
        }
      }
    }
    if (units > 20) {
      differences.add(l.labels().get("verify.and_more_unit_s", (units - 20)));
    }
    if (differences.isEmpty()) {
      differences.add(l.labels().get("verify.the_result_differs_in"));
    }
    out.println(l.labels().get("verify.not_verified_differs_from", resultFile, p));
    differences.forEach(d -> out.println("  " + d));
    out.println(l.labels().get("verify.hint_verify_with_the"));
    return ExitCode.INPUT;
  }

  private static final ObjectMapper MAPPER = Revisions.MAPPER;

  private static String text(JsonNode o, String field) {
    return Revisions.text(o, field);
  }

  /**
   * The parts of a published result that verify reads, each checked for its type, so that a damaged
   * or forged document is refused with what is wrong in it, never an internal error.
   */
  record Result(
      String version,
      YearMonth period,
      String modelFile,
      String modelSha256,
      Map<String, String> inputs,
      List<JsonNode> units) {

    static Result of(Path file, byte[] bytes) {
      JsonNode root;
      try {
        root = MAPPER.readTree(bytes);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw notResult(file, e.getOriginalMessage());
      } catch (IOException | RuntimeException e) {
        // a number Jackson cannot hold (95.8e888888888887: the fuzzer's find), among others
        throw notResult(file, e.getMessage());
      }
      if (root == null || !root.isObject()) {
        throw notResult(file, "not a JSON object");
      }
      if (!"qinglian".equals(root.path("tool").asText(null))
          || !"score".equals(root.path("command").asText(null))) {
        throw CliException.of(ExitCode.INPUT, "verify.notresult", file);
      }
      YearMonth period;
      try {
        period = YearMonth.parse(string(file, root, "period"));
      } catch (java.time.format.DateTimeParseException e) {
        throw notResult(file, "'period' is not a month (YYYY-MM): " + root.get("period"));
      }
      String modelFile = null;
      String modelSha = null;
      JsonNode model = root.get("model");
      if (model != null && !model.isNull()) {
        if (!model.isObject()) {
          throw notResult(file, "'model' must be an object with file and sha256");
        }
        modelFile = string(file, model, "file");
        modelSha = string(file, model, "sha256");
      }
      Map<String, String> inputs = new LinkedHashMap<>();
      int i = 0;
      for (JsonNode in : array(file, root, "inputs")) {
        i++;
        if (!in.isObject()) {
          throw notResult(file, "inputs entry " + i + " must be an object with file and sha256");
        }
        inputs.put(string(file, in, "file"), string(file, in, "sha256"));
      }
      List<JsonNode> units = new ArrayList<>();
      i = 0;
      for (JsonNode u : array(file, root, "units")) {
        i++;
        if (!u.isObject() || !u.path("unit").isTextual()) {
          throw notResult(file, "units entry " + i + " must be an object with a unit id");
        }
        units.add(u);
      }
      String version = root.path("version").asText("");
      return new Result(version, period, modelFile, modelSha, inputs, units);
    }

    private static String string(Path file, JsonNode o, String field) {
      JsonNode v = o.get(field);
      if (v == null || !v.isTextual()) {
        throw notResult(file, "'" + field + "' must be a string");
      }
      return v.asText();
    }

    private static Iterable<JsonNode> array(Path file, JsonNode o, String field) {
      JsonNode v = o.get(field);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw notResult(file, "'" + field + "' must be a list");
      }
      return v;
    }

    private static CliException notResult(Path file, String why) {
      return CliException.of(ExitCode.INPUT, "verify.damaged", file, why);
    }
  }
}
