package dev.qinglian;

import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.Parallel;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.table.RegisterAhead;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.WeightsOverlay;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.Timeline;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The front door of the library: a county's workspace folder read and checked in one call, then
 * evaluated month by month.
 *
 * <pre>{@code
 * Workspace ws = Workspace.open(Path.of("county")).orElseThrow();
 * PeriodResult october = ws.evaluate(YearMonth.of(2026, 10));
 * }</pre>
 *
 * <p>A workspace folder holds {@code indicators.yaml} (optional: else the built-in default model,
 * {@link ModelLoader#loadDefault()}), with the weights overlay its {@code weights-overlay} key
 * names; {@code units.csv}, the unit register; and {@code data/}, whose {@code .csv} and {@code
 * .xlsx} files are read in name order. {@link Options} overrides each piece.
 *
 * <p>Every problem found on the way is a {@link Diagnostic} of the returned {@link Loaded}: a
 * missing folder or file ({@code workspace.missing}, {@code file.missing}, {@code data.missing},
 * {@code data.nofiles}) as much as a bad cell. Reading stops at the first piece that fails, since
 * the next needs it: with errors, {@link Loaded#value()} is the workspace <b>as far as it was
 * read</b> (the model, and the register if it was read; never the data), so that a caller can still
 * show the problems in the model's language; {@link Loaded#orElseThrow()} refuses it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Workspace {
  private final Path root;
  private final IndicatorModel model;
  private final String modelName;
  private final UnitRegister units;
  private final Dataset data;
  private final List<Path> inputs;
  private final ForkJoinPool pool; // null: the library's default places

  private Workspace(
      Path root,
      IndicatorModel model,
      String modelName,
      UnitRegister units,
      Dataset data,
      List<Path> inputs,
      ForkJoinPool pool) {
    this.pool = pool;
    this.root = root;
    this.model = model;
    this.modelName = modelName;
    this.units = units;
    this.data = data;
    this.inputs = List.copyOf(inputs);
  }

  /**
   * Where each piece of a workspace comes from; null (or empty) fields take the folder's default.
   *
   * @param root the workspace folder (null: the current folder)
   * @param model the model file (null: {@code root/indicators.yaml} if it exists, else the built-in
   *     default)
   * @param units the unit register (null: {@code root/units.csv})
   * @param data data files and folders (empty: {@code root/data})
   * @param weights a weights overlay applied on top of the model (null: none beyond the model's)
   * @param encoding the CSV encoding to force (null: detected)
   * @param withData false to read the model and the register only (a collection round starts before
   *     any data has arrived)
   * @param pool where the parallel work of reading and evaluating runs (null: the common pool, and
   *     a pool of its own per large CSV file, shut down when the file is read); the workspace keeps
   *     it for its evaluations. The library starts no thread of its own in a given pool's stead.
   */
  public record Options(
      Path root,
      Path model,
      Path units,
      List<Path> data,
      Path weights,
      Charset encoding,
      boolean withData,
      ForkJoinPool pool) {
    /** Copies the list. */
    public Options {
      data = data == null ? List.of() : List.copyOf(data);
    }

    /** The defaults for a folder. */
    public static Options of(Path root) {
      return new Options(root, null, null, List.of(), null, null, true, null);
    }

    /** These options without the data (model and register only). */
    public Options withoutData() {
      return new Options(root, model, units, data, weights, encoding, false, pool);
    }

    /** These options with the parallel work in {@code pool} (see {@link #pool()}). */
    public Options withPool(ForkJoinPool pool) {
      return new Options(root, model, units, data, weights, encoding, withData, pool);
    }
  }

  /** Opens a workspace folder with its default layout. */
  public static Loaded<Workspace> open(Path root) {
    return open(Options.of(root));
  }

  /** Opens a workspace as the options say (in the options' pool, when they give one). */
  public static Loaded<Workspace> open(Options o) {
    return Parallel.in(o.pool(), () -> read(o));
  }

  private static Loaded<Workspace> read(Options o) {
    Path ws = o.root() == null ? Path.of(".") : o.root();
    List<Diagnostic> diags = new ArrayList<>();
    if (!Files.isDirectory(ws)) {
      diags.add(Diagnostic.error("workspace.missing", Location.of(ws.toString()), ws));
      return new Loaded<>(null, diags);
    }
    List<Path> inputs = new ArrayList<>();
    Path unitsFile = o.units() != null ? o.units() : ws.resolve("units.csv");
    // the register read and scanned on another core while the model loads (1,000,000 units:
    // about 55 ms of the 65 ms the model takes)
    CompletableFuture<RegisterAhead> unitsAhead =
        Files.isRegularFile(unitsFile)
            ? Parallel.alongside(() -> RegisterAhead.of(unitsFile))
            : null;
    Path modelFile = o.model() != null ? o.model() : ws.resolve("indicators.yaml");
    Loaded<IndicatorModel> model;
    String modelName;
    if (o.model() != null || Files.exists(modelFile)) {
      if (missing(modelFile, diags)) {
        return new Loaded<>(null, diags);
      }
      ModelLoader.Read read = ModelLoader.read(modelFile);
      model = read.model();
      modelName = modelFile.toString();
      inputs.add(modelFile);
      read.overlay().filter(Files::isRegularFile).ifPresent(inputs::add);
    } else {
      model = ModelLoader.loadDefault();
      modelName = ModelLoader.DEFAULT_NAME;
    }
    if (!model.hasErrors() && o.weights() != null) {
      if (missing(o.weights(), diags)) {
        return new Loaded<>(null, diags);
      }
      inputs.add(o.weights());
      Loaded<IndicatorModel> overlaid = WeightsOverlay.apply(model.value(), o.weights());
      List<Diagnostic> all = new ArrayList<>(model.diagnostics());
      all.addAll(overlaid.diagnostics());
      model = new Loaded<>(overlaid.value(), all);
    }
    diags.addAll(model.diagnostics());
    if (model.hasErrors()) {
      return new Loaded<>(null, diags);
    }
    IndicatorModel m = model.value();
    if (missing(unitsFile, diags)) {
      return partial(ws, m, modelName, null, inputs, diags);
    }
    inputs.add(unitsFile);
    ReadOptions options = new ReadOptions(o.encoding());
    RegisterAhead ahead = unitsAhead == null ? null : unitsAhead.exceptionally(e -> null).join();
    Loaded<UnitRegister> units =
        ahead != null
            ? RegisterAccess.of().read(ahead, m, options)
            : UnitRegister.read(unitsFile, m, options);
    diags.addAll(units.diagnostics());
    if (units.hasErrors()) {
      return partial(ws, m, modelName, null, inputs, diags);
    }
    if (!o.withData()) {
      return partial(ws, m, modelName, units.value(), inputs, diags);
    }
    Loaded<List<Path>> found =
        dataFiles(o.data().isEmpty() ? List.of(ws.resolve("data")) : o.data());
    diags.addAll(found.diagnostics());
    List<Path> files = found.value();
    if (found.diagnostics().stream().anyMatch(d -> FATAL.contains(d.code()))) {
      return partial(ws, m, modelName, units.value(), inputs, diags);
    }
    inputs.addAll(files);
    Loaded<Dataset> data = new DataReader(m, units.value(), options).read(files);
    diags.addAll(data.diagnostics());
    Dataset d = data.hasErrors() ? null : data.value();
    return new Loaded<>(new Workspace(ws, m, modelName, units.value(), d, inputs, o.pool()), diags);
  }

  private static Loaded<Workspace> partial(
      Path ws,
      IndicatorModel m,
      String modelName,
      UnitRegister units,
      List<Path> inputs,
      List<Diagnostic> diags) {
    return new Loaded<>(new Workspace(ws, m, modelName, units, null, inputs, null), diags);
  }

  /**
   * A workspace of pieces already at hand (a model built in code, a register and data from a
   * database); {@link #root()} is the current folder and {@link #inputs()} is empty.
   */
  public static Workspace of(IndicatorModel model, UnitRegister units, Dataset data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(data, "data");
    return new Workspace(Path.of("."), model, "(in memory)", units, data, List.of(), null);
  }

  private static boolean missing(Path file, List<Diagnostic> diags) {
    if (Files.isRegularFile(file)) {
      return false;
    }
    diags.add(Diagnostic.error("file.missing", Location.of(file.toString()), file));
    return true;
  }

  /**
   * The data files of a list of files and folders: files as given, and every .csv/.xlsx of a folder
   * in name order (hidden files and Excel's {@code ~$} lock files left out). An error when one is
   * missing or none is found; the files found so far are the value all the same (an empty folder
   * gives an empty list).
   */
  public static Loaded<List<Path>> dataFiles(List<Path> given) {
    List<Diagnostic> diags = new ArrayList<>();
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          for (Path f : s.sorted().toList()) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.startsWith(".") || n.startsWith("~$")) {
              continue; // hidden files, Excel's lock files
            }
            if (isData(f)) {
              if (Files.isRegularFile(f)) {
                out.add(f);
              } else if (Files.isSymbolicLink(f)) {
                diags.add(Diagnostic.error("data.link", Location.of(f.toString()), f));
              }
            } else if (UNREAD.stream().anyMatch(n::endsWith)) {
              diags.add(
                  Diagnostic.error("data.format", Location.of(f.toString()), f.getFileName()));
            }
          }
        } catch (IOException e) {
          diags.add(Diagnostic.error("data.list", Location.of(p.toString()), p, e.getMessage()));
          return new Loaded<>(List.copyOf(out), diags);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        diags.add(Diagnostic.error("data.missing", Location.of(p.toString()), p));
        return new Loaded<>(List.copyOf(out), diags);
      }
    }
    if (out.isEmpty()) {
      diags.add(Diagnostic.error("data.nofiles", Location.of(String.valueOf(given)), given));
    }
    return new Loaded<>(List.copyOf(out), diags);
  }

  private static boolean isData(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".xlsx");
  }

  /**
   * Spreadsheet and archive formats a department may send that are not read: an error naming the
   * file (never skipped silently, which made a department's dimension disappear).
   */
  private static final List<String> UNREAD =
      List.of(
          ".xls",
          ".xlsm",
          ".xlsb",
          ".ods",
          ".et",
          ".numbers",
          ".txt",
          ".tsv",
          ".zip",
          ".rar",
          ".7z");

  /** Codes of {@link #dataFiles} after which nothing can be read. */
  private static final java.util.Set<String> FATAL =
      java.util.Set.of("data.missing", "data.nofiles", "data.list");

  /** The workspace folder. */
  public Path root() {
    return root;
  }

  /** The model. */
  public IndicatorModel model() {
    return model;
  }

  /** The model file as named in messages, or {@link ModelLoader#DEFAULT_NAME}. */
  public String modelName() {
    return modelName;
  }

  /** The unit register; null only in a workspace returned with errors. */
  public UnitRegister units() {
    return units;
  }

  /** The data; null only in a workspace returned with errors or opened without data. */
  public Dataset data() {
    return data;
  }

  /** Every input file read, in order (the model file first unless built in). */
  public List<Path> inputs() {
    return inputs;
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

  /** The months with data, oldest first. */
  public List<YearMonth> periods() {
    return requireData().periods();
  }

  /** The latest month with data. */
  public YearMonth latest() {
    List<YearMonth> p = periods();
    return p.get(p.size() - 1);
  }

  /** Evaluates one month, with its leaf-level detail. */
  public PeriodResult evaluate(YearMonth month) {
    return Parallel.in(pool, () -> new Evaluator(model).evaluate(requireData(), month));
  }

  /** The months {@code from..to} evaluated with their detail, as a timeline. */
  public Timeline timeline(YearMonth from, YearMonth to) {
    return Parallel.in(pool, () -> Timeline.of(new Evaluator(model), requireData(), from, to));
  }

  /**
   * Why a unit has its score in a month.
   *
   * @throws IllegalArgumentException for a unit the register does not have
   */
  public Explanation explain(String unitId, YearMonth month) {
    return Explanation.of(evaluate(month), unitId);
  }

  /**
   * This workspace with other weights (node id → weight among its siblings; nodes not named keep
   * theirs): the same register and data, evaluated with the reweighted model.
   *
   * @param source where the weights come from, as results name it (a file, "AHP", …)
   * @throws IllegalArgumentException for an unknown node id or a weight that is not positive
   */
  public Workspace withWeights(Map<String, Double> weights, String source) {
    IndicatorModel reweighted = model.withWeights(weights, source);
    return new Workspace(
        root,
        reweighted,
        modelName,
        units,
        data == null ? null : data.withModel(reweighted),
        inputs,
        pool);
  }

  private Dataset requireData() {
    if (data == null) {
      throw new IllegalStateException("the workspace was opened without data, or with errors");
    }
    return data;
  }
}
