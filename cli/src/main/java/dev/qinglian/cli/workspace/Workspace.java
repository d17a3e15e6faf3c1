package dev.qinglian.cli.workspace;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A loaded workspace: the model, the unit register and the merged data, with every diagnostic found
 * on the way. Pieces after a failed one are absent (the data cannot be read without a model and a
 * register).
 *
 * @param root the workspace folder
 * @param model the model, or null
 * @param modelName the model file as named in messages
 * @param units the register, or null
 * @param data the data, or null
 * @param inputs every input file read, in order (model file first unless built-in)
 * @param diagnostics every problem found
 */
public record Workspace(
    Path root,
    IndicatorModel model,
    String modelName,
    UnitRegister units,
    Dataset data,
    List<Path> inputs,
    List<Diagnostic> diagnostics) {

  /** True when any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** A path as shown in outputs: relative to the workspace when inside it. */
  public String display(Path p) {
    Path a = root.toAbsolutePath().normalize();
    Path b = p.toAbsolutePath().normalize();
    return b.startsWith(a) ? a.relativize(b).toString().replace('\\', '/') : p.toString();
  }

  /** The model file as shown in outputs, or the built-in model's name. */
  public String modelDisplay() {
    return modelName.equals(ModelLoader.DEFAULT_NAME) ? modelName : display(Path.of(modelName));
  }

  /**
   * Loads the workspace named by the options.
   *
   * @throws CliException with {@link ExitCode#UNREADABLE} when a named folder or file is missing,
   *     {@link ExitCode#USAGE} for an unknown encoding
   */
  public static Workspace load(InputOptions o) {
    return load(o, true);
  }

  /**
   * Loads the model and the unit register, and the data only when {@code withData} (a collection
   * round starts before any data has arrived).
   */
  public static Workspace load(InputOptions o, boolean withData) {
    Path ws = o.workspace == null ? Path.of(".") : o.workspace;
    if (!Files.isDirectory(ws)) {
      throw new CliException(ExitCode.UNREADABLE, "workspace folder not found: " + ws);
    }
    Charset cs = null;
    if (o.encoding != null) {
      try {
        cs = Charset.forName(o.encoding);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.USAGE, "unknown encoding: " + o.encoding);
      }
    }
    List<Diagnostic> diags = new ArrayList<>();
    List<Path> inputs = new ArrayList<>();
    Path unitsFile = o.units != null ? o.units : ws.resolve("units.csv");
    // the register read and scanned on another core while the model loads (1,000,000 units:
    // about 55 ms of the 65 ms the model takes)
    CompletableFuture<UnitRegister.Source> unitsAhead =
        Files.isRegularFile(unitsFile)
            ? CompletableFuture.supplyAsync(() -> UnitRegister.Source.of(unitsFile))
            : null;
    Path modelFile = o.model != null ? o.model : ws.resolve("indicators.yaml");
    Loaded<IndicatorModel> model;
    String modelName;
    if (o.model != null || Files.exists(modelFile)) {
      requireFile(modelFile);
      model = ModelLoader.load(modelFile);
      modelName = modelFile.toString();
      inputs.add(modelFile);
      ModelLoader.overlayOf(modelFile).filter(Files::isRegularFile).ifPresent(inputs::add);
    } else {
      model = ModelLoader.loadDefault();
      modelName = ModelLoader.DEFAULT_NAME;
    }
    if (!model.hasErrors() && o.weights != null) {
      requireFile(o.weights);
      inputs.add(o.weights);
      Loaded<IndicatorModel> overlaid =
          dev.qinglian.model.WeightsOverlay.apply(model.value(), o.weights);
      List<Diagnostic> all = new ArrayList<>(model.diagnostics());
      all.addAll(overlaid.diagnostics());
      model = new Loaded<>(overlaid.value(), all);
    }
    diags.addAll(model.diagnostics());
    if (model.hasErrors()) {
      return new Workspace(ws, null, modelName, null, null, inputs, diags);
    }
    requireFile(unitsFile);
    inputs.add(unitsFile);
    ReadOptions options = new ReadOptions(cs);
    UnitRegister.Source ahead =
        unitsAhead == null ? null : unitsAhead.exceptionally(e -> null).join();
    Loaded<UnitRegister> units =
        ahead != null
            ? UnitRegister.read(ahead, model.value(), options)
            : UnitRegister.read(unitsFile, model.value(), options);
    diags.addAll(units.diagnostics());
    if (units.hasErrors()) {
      return new Workspace(ws, model.value(), modelName, null, null, inputs, diags);
    }
    if (!withData) {
      return new Workspace(ws, model.value(), modelName, units.value(), null, inputs, diags);
    }
    List<Path> files = dataFiles(o.data.isEmpty() ? List.of(ws.resolve("data")) : o.data);
    inputs.addAll(files);
    Loaded<Dataset> data = new DataReader(model.value(), units.value(), options).read(files);
    diags.addAll(data.diagnostics());
    return new Workspace(ws, model.value(), modelName, units.value(), data.value(), inputs, diags);
  }

  private static void requireFile(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new CliException(ExitCode.UNREADABLE, "file not found: " + p);
    }
  }

  /** Files as given, and every .csv/.xlsx of a folder in name order. */
  public static List<Path> dataFiles(List<Path> given) {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> Files.isRegularFile(f) && isData(f)).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new CliException(ExitCode.UNREADABLE, "cannot list " + p + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new CliException(ExitCode.UNREADABLE, "data file or folder not found: " + p);
      }
    }
    if (out.isEmpty()) {
      throw new CliException(ExitCode.UNREADABLE, "no .csv or .xlsx data files in " + given);
    }
    return out;
  }

  private static boolean isData(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && !n.startsWith("~$") && (n.endsWith(".csv") || n.endsWith(".xlsx"));
  }
}
