package dev.qinglian.cli.commands;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
      description = "A result of score --format json.")
  Path resultFile;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "WORKSPACE",
      description = "Workspace folder (default: current folder).")
  Path workspace;

  @Mixin InputOptions inputs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(resultFile)) {
      throw new CliException(ExitCode.UNREADABLE, "file not found: " + resultFile);
    }
    String published = Files.readString(resultFile, StandardCharsets.UTF_8);
    Map<String, Object> json;
    try {
      json = parse(published);
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          ExitCode.INPUT, resultFile + " is not a qinglian result: " + e.getMessage());
    }
    if (!"qinglian".equals(json.get("tool"))
        || !"score".equals(json.get("command"))
        || !(json.get("period") instanceof String)) {
      throw new CliException(
          ExitCode.INPUT, resultFile + " is not a result of qinglian score --format json");
    }
    inputs.workspace = workspace;
    Common.Loaded l = Common.load(null, inputs, "en", spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    List<String> differences = new ArrayList<>();
    // 1. the inputs
    Map<String, String> recorded = new LinkedHashMap<>();
    for (Object o : list(json.get("inputs"))) {
      Map<?, ?> m = (Map<?, ?>) o;
      recorded.put(String.valueOf(m.get("file")), String.valueOf(m.get("sha256")));
    }
    Map<String, String> now = new LinkedHashMap<>();
    for (Path p : l.ws().inputs()) {
      now.put(l.ws().display(p), Hashes.sha256(p));
    }
    Map<?, ?> model = (Map<?, ?>) json.get("model");
    if (model != null && !Hashes.modelSha256(l.ws()).equals(model.get("sha256"))) {
      differences.add(
          "model "
              + model.get("file")
              + ": sha256 "
              + model.get("sha256")
              + " then, "
              + Hashes.modelSha256(l.ws())
              + " now");
    }
    recorded.forEach(
        (f, h) -> {
          if (!now.containsKey(f)) {
            differences.add("input " + f + " is missing now");
          } else if (!now.get(f).equals(h)) {
            differences.add(
                "input " + f + " changed: sha256 " + h + " then, " + now.get(f) + " now");
          }
        });
    now.keySet().stream()
        .filter(f -> !recorded.containsKey(f))
        .forEach(f -> differences.add("input " + f + " is new"));
    if (!String.valueOf(json.get("version")).equals(dev.qinglian.cli.VersionProvider.version())) {
      differences.add(
          "written by qinglian "
              + json.get("version")
              + ", this is "
              + dev.qinglian.cli.VersionProvider.version());
    }
    // 2. the result
    YearMonth p = Common.month(l.ws(), (String) json.get("period"), "period");
    PeriodResult[] both = Common.evaluateWithPrevious(l.ws(), p);
    String again = new ScoreRenderer(l.ws(), both[0], both[1], Labels.of("en")).json();
    if (again.equals(published)) {
      out.println(
          "verified: "
              + resultFile
              + " is reproduced byte for byte ("
              + p
              + ", "
              + both[0].size()
              + " units, "
              + recorded.size()
              + " inputs)");
      return ExitCode.OK;
    }
    Map<String, Object> fresh = parse(again);
    Map<String, Map<?, ?>> byUnit = new LinkedHashMap<>();
    for (Object o : list(fresh.get("units"))) {
      byUnit.put(String.valueOf(((Map<?, ?>) o).get("unit")), (Map<?, ?>) o);
    }
    int shown = 0;
    int units = 0;
    for (Object o : list(json.get("units"))) {
      Map<?, ?> then = (Map<?, ?>) o;
      Map<?, ?> x = byUnit.get(String.valueOf(then.get("unit")));
      if (x == null
          || !String.valueOf(x.get("index")).equals(String.valueOf(then.get("index")))
          || !String.valueOf(x.get("colour")).equals(String.valueOf(then.get("colour")))) {
        units++;
        if (shown++ < 20) {
          differences.add(
              "unit "
                  + then.get("unit")
                  + ": index "
                  + then.get("index")
                  + " "
                  + then.get("colour")
                  + " then, "
                  + (x == null ? "absent" : x.get("index") + " " + x.get("colour"))
                  + " now");
        }
      }
    }
    if (units > 20) {
      differences.add("… and " + (units - 20) + " more unit(s)");
    }
    if (differences.isEmpty()) {
      differences.add("the result differs in its layout or in fields other than index and colour");
    }
    out.println("NOT verified: " + resultFile + " differs from a recomputation of " + p + ":");
    differences.forEach(d -> out.println("  " + d));
    out.println(
        "hint: verify with the options the result was made with (--model, --units, --data,"
            + " --weights, --encoding)");
    return ExitCode.INPUT;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  /** A JSON document as maps, lists, strings, numbers (as their text), booleans and nulls. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String text) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      Object v = value(p, p.nextToken());
      if (!(v instanceof Map)) {
        throw new IOException("not a JSON object");
      }
      return (Map<String, Object>) v;
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        m.put(name, value(p, p.nextToken()));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
        l.add(value(p, x));
      }
      return l;
    }
    if (t == null) {
      throw new IOException("truncated JSON");
    }
    return switch (t) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + t);
    };
  }
}
