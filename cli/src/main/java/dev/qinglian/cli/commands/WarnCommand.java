package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.DiagnosticPrinter;
import dev.qinglian.cli.render.FileNames;
import dev.qinglian.cli.render.NoticeRenderer;
import dev.qinglian.cli.render.NoticeTemplates;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.diag.Loaded;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.io.AtomicFiles;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.NoticeRegister;
import dev.qinglian.monitor.NoticeSettings;
import dev.qinglian.monitor.Warning;
import dev.qinglian.monitor.WarningRegister;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian warn}: warning notices of a month and the warning register. */
@Command(
    name = "warn",
    mixinStandardHelpOptions = true,
    description = {
      "Write the warning notices (预警通知书) of a month and update the warning register.",
      "",
      "One Word notice per yellow, orange or red unit, laid out as an official document"
          + " (GB/T 9704: letterhead, document number, recipient, signature, date) with the"
          + " authority named in WORKSPACE/settings.yaml, and the month's index as a workbook."
          + " The register WORKSPACE/warnings.csv opens a warning when a unit leaves green (or"
          + " worsens) and closes it when the unit is green again (复绿); WORKSPACE/notices.csv"
          + " keeps each notice's number (numbered per year, never reused). Running a month"
          + " twice changes nothing."
    })
public final class WarnCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Mixin PeriodOption periodOption;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the notices.")
  Path out;

  @Mixin LangOption langOption;

  @Option(names = "--force", description = "Replace notices already in DIR.")
  boolean force;

  @Option(
      names = "--format",
      paramLabel = "docx|md",
      description =
          "docx (default): Word notices and an .xlsx index; md: Markdown notices and index.")
  String format = "docx";

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Date of the notices (成文日期; default: today). A notice already in the register keeps"
              + " its number and date.")
  java.time.LocalDate date;

  @Spec CommandSpec spec;

  /**
   * The tool, the month and the SHA-256 of the model and of every input: kept out of the letter.
   */
  static String provenance(dev.qinglian.Workspace ws, YearMonth p) {
    StringBuilder sb = new StringBuilder("qinglian ");
    sb.append(dev.qinglian.cli.VersionProvider.version())
        .append("; ")
        .append(p)
        .append("; ")
        .append(ws.modelDisplay())
        .append(" sha256 ")
        .append(dev.qinglian.cli.render.Hashes.modelSha256(ws));
    for (Path in : ws.inputs()) {
      sb.append("; ")
          .append(ws.display(in))
          .append(" sha256 ")
          .append(dev.qinglian.cli.render.Hashes.sha256(in));
    }
    return sb.toString();
  }

  /**
   * Writes {@code content} as the file named as {@code target} in {@code dir}, a folder being made
   * by {@link AtomicFiles#writeFolder}; a failure names the target.
   */
  private static void writeNew(Path dir, Path target, OutputFile.Bytes content) {
    try {
      AtomicFiles.writeInNewFolder(dir.resolve(target.getFileName()), content::writeTo);
    } catch (IOException e) {
      throw CliException.of(ExitCode.UNREADABLE, "output.write", target, e.getMessage());
    }
  }

  /** A thread of its own for the index (the common pool's threads write the notices). */
  private static final java.util.concurrent.Executor INDEX =
      task -> {
        Thread t = new Thread(task, "qinglian-index");
        t.setDaemon(true);
        t.start();
      };

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Common.Loaded l = Common.load(workspace, inputs, langOption.lang, err);
    Common.requireBands(l, "warn");
    YearMonth p = Common.month(l, periodOption.period, "--period", spec.commandLine().getErr());
    // one writer of the register at a time: its read, the notices and its rewrite
    try (dev.qinglian.io.WorkspaceLock lock = Common.lock(l, err)) {
      return warn(l, p, err);
    }
  }

  private int warn(Common.Loaded l, YearMonth p, PrintWriter err) throws IOException {
    // the inputs' SHA-256 (every byte of the data again: 0.5 s for 568 MB) while the month is
    // evaluated and the register updated
    java.util.concurrent.CompletableFuture<String> provenance =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> provenance(l.ws(), p));
    Path registerFile = l.ws().root().resolve(WarningRegister.FILE);
    Loaded<WarningRegister> loaded = WarningRegister.read(registerFile);
    if (loaded.hasErrors()) {
      new DiagnosticPrinter(l.labels()).print(loaded.diagnostics(), err);
      throw new CliException(ExitCode.INPUT, l.labels().get("input.errors"));
    }
    boolean docx = format.equals("docx");
    if (!docx && !format.equals("md")) {
      throw CliException.of(ExitCode.USAGE, "format.invalid", "docx, md", format);
    }
    Path settingsFile = l.ws().root().resolve(NoticeSettings.FILE);
    Loaded<NoticeSettings> settings = NoticeSettings.read(settingsFile);
    Path numbersFile = l.ws().root().resolve(NoticeRegister.FILE);
    Loaded<NoticeRegister> numbers = NoticeRegister.read(numbersFile);
    if (settings.hasErrors() || numbers.hasErrors()) {
      List<dev.qinglian.diag.Diagnostic> all = new ArrayList<>(settings.diagnostics());
      all.addAll(numbers.diagnostics());
      new DiagnosticPrinter(l.labels()).print(all, err);
      throw new CliException(ExitCode.INPUT, l.labels().get("input.errors"));
    }
    if (!Files.exists(settingsFile)) {
      err.println(l.labels().get("warn.note_no_settings_yaml"));
    }
    PeriodResult[] both = Common.evaluateWithPrevious(l.ws(), p, true);
    PeriodResult now = both[0];
    PeriodResult before = both[1];
    WarningRegister.Update update = loaded.value().update(now);
    NoticeRenderer notices = new NoticeRenderer(l.labels(), settings.value());
    String inputs = Common.join(provenance);
    List<String> files = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Integer> warned = new ArrayList<>();
    java.util.Map<String, Warning> openByUnit = new java.util.HashMap<>();
    for (Warning x : update.open()) {
      openByUnit.putIfAbsent(x.unit(), x);
    }
    java.util.Map<String, String> warningIds = new java.util.HashMap<>();
    for (int u : now.rankOrder()) {
      if (now.model().bands().indexOf(now.band(u)) <= 0) {
        continue;
      }
      String id = now.units().id(u);
      warned.add(u);
      ids.add(id);
      files.add(NoticeRenderer.fileName(p, id, docx ? "docx" : "md"));
      Warning w = openByUnit.get(id);
      warningIds.put(id, w == null ? "" : w.id());
    }
    // numbered in rank order after the year's last number; a month run again keeps its numbers
    NoticeRegister issued =
        numbers
            .value()
            .issue(
                ids,
                p,
                warningIds,
                date != null ? date : java.time.LocalDate.now(),
                settings.value());
    java.util.Map<String, NoticeRegister.Entry> entries = issued.of(p);
    String indexName = p + (docx ? "-index.xlsx" : "-index.md");
    // every target named and checked before the first is written: no notice overwrites another
    // (ids are encoded collision-free; names equal but for case are refused), none escapes DIR,
    // and an existing one without --force stops the command before anything is written
    List<String> allNames = new ArrayList<>(files);
    allNames.add(indexName);
    List<String> owners = new ArrayList<>(ids);
    owners.add("index");
    FileNames.requireDistinct(allNames, owners);
    List<Path> inputsAndRegister = new ArrayList<>(l.ws().inputs());
    inputsAndRegister.add(registerFile);
    inputsAndRegister.add(numbersFile);
    inputsAndRegister.add(settingsFile);
    java.util.Set<Path> inputPaths = OutputFile.absolute(inputsAndRegister);
    List<Path> targets = new ArrayList<>();
    for (String f : allNames) {
      targets.add(FileNames.inside(out, f));
    }
    java.util.Set<Path> absent = OutputFile.checkAll(targets, force, inputPaths);
    OutputFile.requireFolderOrNothing(out);
    // the notices are independent files: written on every core, in register order (each reads its
    // unit across every column of both months; 300,000 units, 91,647 notices: 11.9 s one by one
    // in rank order, 7.1 s so on two cores; docs/performance.md)
    Explanation.Explainer explainer = Explanation.explainer(now);
    NoticeTemplates word = new NoticeTemplates();
    java.util.function.IntFunction<OutputFile.Bytes> notice =
        i -> {
          int u = warned.get(i);
          NoticeRegister.Entry entry = entries.get(ids.get(i));
          dev.qinglian.cli.render.Notice n =
              notices.notice(explainer, now, u, before, openByUnit.get(ids.get(i)), entry, inputs);
          return o ->
              o.write(
                  docx
                      ? word.bytes(n, entry.date() + "T00:00:00Z")
                      : NoticeRenderer.markdown(n)
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    // the index made on its own thread while the notices are written (one core's work; the
    // workbook of 91,647 notices about 1 s)
    java.util.concurrent.CompletableFuture<byte[]> indexBytes =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return docx
                    ? notices.indexXlsx(now, files, update, entries)
                    : notices
                        .index(now, files, update, entries)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            INDEX);
    OutputFile.Bytes index =
        o -> {
          try {
            o.write(Common.join(indexBytes));
          } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // as if written here: the message names the index
          }
        };
    java.util.stream.IntStream inRegisterOrder =
        java.util.stream.IntStream.range(0, files.size())
            .boxed()
            .sorted(java.util.Comparator.comparingInt(warned::get))
            .mapToInt(Integer::intValue)
            .parallel();
    if (Files.notExists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      // a new folder: made whole, its files written plainly into a hidden sibling renamed at the
      // end (one rename, not one per notice; a failure leaves no folder)
      Path parent = out.toAbsolutePath().normalize().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw CliException.of(ExitCode.UNREADABLE, "create.failed", parent, e.getMessage());
      }
      try {
        AtomicFiles.writeFolder(
            out,
            dir -> {
              inRegisterOrder.forEach(i -> writeNew(dir, targets.get(i), notice.apply(i)));
              writeNew(dir, targets.get(targets.size() - 1), index);
            });
      } catch (IOException e) {
        throw CliException.of(ExitCode.UNREADABLE, "output.write", out, e.getMessage());
      }
    } else {
      OutputFile.folder(out);
      // each target checked above, before the first was written
      inRegisterOrder.forEach(
          i ->
              OutputFile.writeChecked(
                  targets.get(i), OutputFile.of(notice.apply(i)), absent.contains(targets.get(i))));
      OutputFile.writeBinary(index, targets.get(targets.size() - 1), force, inputsAndRegister);
    }
    update.register().write(registerFile);
    issued.write(numbersFile);
    PrintWriter o = spec.commandLine().getOut();
    o.println(l.labels().get("warn.wrote", files.size(), out.resolve(indexName)));
    o.println(
        l.labels()
            .get(
                "warn.register",
                registerFile,
                update.opened().size(),
                update.closed().size(),
                update.open().size()));
    for (Warning w : update.closed()) {
      o.println("  " + w.id() + " " + w.unit() + " " + w.name() + " → " + w.closedAs());
    }
    return ExitCode.OK;
  }
}
