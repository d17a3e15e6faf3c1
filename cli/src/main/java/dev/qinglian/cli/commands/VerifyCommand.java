package dev.qinglian.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
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

  @picocli.CommandLine.Option(
      names = "--lang",
      paramLabel = "zh|en",
      description = "Language of the report (default: the model's, zh).")
  String lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(resultFile)) {
      throw CliException.of(ExitCode.UNREADABLE, "file.notfound", resultFile);
    }
    byte[] published = Files.readAllBytes(resultFile);
    Result json = Result.of(resultFile, published);
    inputs.workspace = workspace;
    Common.Loaded l = Common.load(null, inputs, lang, spec.commandLine().getErr());
    boolean zh = l.labels().lang().equals("zh");
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
          (zh ? "模型 " : "model ")
              + json.modelFile
              + ": sha256 "
              + json.modelSha256
              + (zh ? "（当时），" : " then, ")
              + modelNow
              + (zh ? "（现在）" : " now"));
    }
    json.inputs.forEach(
        (f, h) -> {
          if (!now.containsKey(f)) {
            differences.add(zh ? "输入 " + f + " 现已不存在" : "input " + f + " is missing now");
          } else if (!now.get(f).equals(h)) {
            differences.add(
                zh
                    ? "输入 " + f + " 已改变：sha256 " + h + "（当时），" + now.get(f) + "（现在）"
                    : "input " + f + " changed: sha256 " + h + " then, " + now.get(f) + " now");
          }
        });
    now.keySet().stream()
        .filter(f -> !json.inputs.containsKey(f))
        .forEach(f -> differences.add(zh ? "输入 " + f + " 为新增" : "input " + f + " is new"));
    String version = dev.qinglian.cli.VersionProvider.version();
    if (!json.version.equals(version)) {
      differences.add(
          zh
              ? "由 qinglian " + json.version + " 写出，当前为 " + version
              : "written by qinglian " + json.version + ", this is " + version);
    }
    // 2. the result
    YearMonth p = Common.month(l.ws(), json.period.toString(), "period");
    PeriodResult[] both = Common.evaluateWithPrevious(l.ws(), p);
    String again = new ScoreRenderer(l.ws(), both[0], both[1], Labels.of("en")).json();
    if (Arrays.equals(again.getBytes(StandardCharsets.UTF_8), published)) {
      out.println(
          zh
              ? "核验通过："
                  + resultFile
                  + " 逐字节复现（"
                  + p
                  + "，"
                  + both[0].size()
                  + " 个单位，"
                  + json.inputs.size()
                  + " 个输入文件）"
              : "verified: "
                  + resultFile
                  + " is reproduced byte for byte ("
                  + p
                  + ", "
                  + both[0].size()
                  + " units, "
                  + json.inputs.size()
                  + " inputs)");
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
              (zh ? "单位 " : "unit ")
                  + text(then, "unit")
                  + (zh ? "：指数 " : ": index ")
                  + text(then, "index")
                  + " "
                  + text(then, "colour")
                  + (zh ? "（当时），" : " then, ")
                  + (x == null
                      ? (zh ? "不存在" : "absent")
                      : text(x, "index") + " " + text(x, "colour"))
                  + (zh ? "（现在）" : " now"));
        }
      }
    }
    if (units > 20) {
      differences.add(
          zh ? "……另有 " + (units - 20) + " 个单位" : "… and " + (units - 20) + " more unit(s)");
    }
    if (differences.isEmpty()) {
      differences.add(
          zh
              ? "结果在格式或指数、颜色以外的字段上不同"
              : "the result differs in its layout or in fields other than index and colour");
    }
    out.println(
        zh
            ? "核验未通过：" + resultFile + " 与重新计算的 " + p + " 结果不同："
            : "NOT verified: " + resultFile + " differs from a recomputation of " + p + ":");
    differences.forEach(d -> out.println("  " + d));
    out.println(
        zh
            ? "提示：请使用生成该结果时的选项核验（--model、--units、--data、--weights、--encoding）"
            : "hint: verify with the options the result was made with (--model, --units, --data,"
                + " --weights, --encoding)");
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
