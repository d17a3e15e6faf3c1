package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.demo.DemoCounty;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian demo}: writes the demo county workspace (deterministic). */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Write the demo county (示例县) workspace.",
      "",
      "40 departments and 14 townships with 24 months of fictional data ending 2026-10 in"
          + " the seven source departments' files. The shipped examples/demo-county was made"
          + " with: qinglian demo --out examples/demo-county"
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write (must not hold a units.csv unless --force).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "20261022",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--force", description = "Overwrite an existing demo workspace.")
  boolean force;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out.resolve("units.csv")) && !force) {
      throw CliException.of(ExitCode.INPUT, "demo.exists", out);
    }
    IndicatorModel model = ModelLoader.loadDefault().value();
    dev.qinglian.cli.render.OutputFile.folder(out);
    new DemoCounty(model, seed).write(out);
    spec.commandLine()
        .getOut()
        .println(
            Common.labels(langOption.lang == null ? "zh" : langOption.lang, null)
                .get("wrote", out));
    return ExitCode.OK;
  }
}
