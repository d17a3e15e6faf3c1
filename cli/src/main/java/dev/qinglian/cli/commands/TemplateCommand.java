package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.Csv;
import dev.qinglian.cli.render.FileNames;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.XlsxExport;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Unit;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian template}: the file each source department fills in for a month. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Write the templates the source departments fill in for a month.",
      "",
      "One file per department (or --source): every unit with every indicator it owes that month"
          + " (quarterly and yearly ones only in their months), names and units, and an empty value"
          + " column. XLSX: only value and note cells are editable, values are checked against the"
          + " plausible range, a second sheet (说明) describes the indicators. What comes back is"
          + " read by the normal data reader without editing."
    })
public final class TemplateCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "YYYY-MM",
      description = "The month to collect.")
  String period;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "One department (default: all of the model's sources).")
  String source;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "xlsx",
      paramLabel = "xlsx|csv",
      description = "File format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the templates.")
  Path out;

  @Option(names = "--force", description = "Replace templates already in DIR.")
  boolean force;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  /** The model's source departments in model order. */
  static List<String> sources(IndicatorModel model) {
    Set<String> s = new LinkedHashSet<>();
    model.leaves().forEach(l -> s.add(l.leaf().source()));
    s.remove("");
    return new ArrayList<>(s);
  }

  /** The leaves a department owes in a month. */
  static List<Node> owed(IndicatorModel model, String source, YearMonth p) {
    return model.leaves().stream()
        .filter(l -> l.leaf().source().equals(source) && l.leaf().frequency().dueIn(p))
        .toList();
  }

  @Override
  public Integer call() throws IOException {
    Common.Loaded l =
        Common.loadModelAndUnits(workspace, inputs, langOption.lang, spec.commandLine().getErr());
    IndicatorModel model = l.ws().model();
    YearMonth p = Common.period(period, "--period");
    List<String> sources = sources(model);
    if (source != null && !sources.contains(source)) {
      throw CliException.of(ExitCode.USAGE, "source.unknown", source, String.join(", ", sources));
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("xlsx") && !fmt.equals("csv")) {
      throw CliException.of(ExitCode.USAGE, "format.invalid", "xlsx, csv", format);
    }
    dev.qinglian.cli.render.OutputFile.folder(out);
    String lg = l.labels().lang();
    PrintWriter o = spec.commandLine().getOut();
    List<String> chosen = source == null ? sources : List.of(source);
    // every file named and checked before the first is written
    List<String> names = chosen.stream().map(s -> FileNames.safe(s) + "-" + p + "." + fmt).toList();
    FileNames.requireDistinct(names, chosen);
    for (String name : names) {
      Path file = FileNames.inside(out, name);
      if (Files.exists(file) && !force) {
        throw CliException.of(ExitCode.INPUT, "exists.nothing", file);
      }
    }
    for (int i = 0; i < chosen.size(); i++) {
      String s = chosen.get(i);
      List<Node> leaves = owed(model, s, p);
      Path file = FileNames.inside(out, names.get(i));
      List<Unit> units = l.ws().units().units();
      if (fmt.equals("csv")) {
        StringBuilder sb =
            new StringBuilder(
                "\uFEFFunit,name,period,indicator,indicator_name,unit_of_measure,min,max,value,note\n");
        for (Unit u : units) {
          for (Node n : leaves) {
            sb.append(Csv.text(u.id()))
                .append(',')
                .append(Csv.text(u.name()))
                .append(',')
                .append(p)
                .append(',')
                .append(n.id())
                .append(',')
                .append(Csv.text(n.names().in(lg)))
                .append(',')
                .append(Csv.text(n.leaf().unit()))
                .append(',')
                .append(bound(n.leaf().rangeMin()))
                .append(',')
                .append(bound(n.leaf().rangeMax()))
                .append(",,\n");
          }
        }
        OutputFile.write(sb.toString(), file, force, l.ws().inputs(), null);
      } else {
        Files.write(file, xlsx(units, leaves, p, lg));
      }
      o.println(
          Labels.of(lg)
              .get(
                  "template.written",
                  file,
                  units.size() * leaves.size(),
                  leaves.size(),
                  units.size()));
    }
    return ExitCode.OK;
  }

  /**
   * The range check of the value cell of row {@code r} (column I), as Excel stores it: blank, or a
   * number within the indicator's range; an entry outside is refused (STOP) with a message. The
   * formula is written without {@code <} (fastexcel 0.20.2 does not escape a formula, and a raw
   * {@code <} makes the sheet XML not well-formed): at most max is {@code NOT(I2>max)}. The error
   * texts hold no quote, ampersand or angle bracket for the same reason; STOP is also the one error
   * style whose name has no letter i (fastexcel lower-cases it in the JVM's locale, and under a
   * Turkish locale "information" became "ınformatıon").
   */
  private static void validate(Worksheet ws, int r, double min, double max, Labels labels) {
    String cell = "I" + (r + 1);
    StringBuilder f = new StringBuilder("OR(ISBLANK(" + cell + "),AND(ISNUMBER(" + cell + ")");
    if (!Double.isInfinite(min)) {
      f.append(",").append(cell).append(">=").append(min);
    }
    if (!Double.isInfinite(max)) {
      f.append(",NOT(").append(cell).append(">").append(max).append(")");
    }
    f.append("))");
    String range =
        (Double.isInfinite(min) ? "" : bound(min))
            + " – "
            + (Double.isInfinite(max) ? "" : bound(max));
    ws.range(r, 8, r, 8)
        .validateWithFormula(f.toString())
        .errorStyle(DataValidationErrorStyle.STOP)
        .showErrorMessage(true)
        .errorTitle(labels.get("template.value_out_of_range"))
        .error(labels.get("template.enter_a_number_in", range));
  }

  private static String bound(double v) {
    return Double.isInfinite(v) ? "" : dev.qinglian.cli.render.Numbers.full(v);
  }

  private static byte[] xlsx(List<Unit> units, List<Node> leaves, YearMonth p, String lang)
      throws IOException {
    Labels labels = Labels.of(lang);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbook wb = new Workbook(bytes, "qinglian", "1.0");
    Worksheet ws = wb.newWorksheet(labels.get("template.data"));
    String[] h = {
      "unit",
      "name",
      "period",
      "indicator",
      "indicator_name",
      "unit_of_measure",
      "min",
      "max",
      "value",
      "note"
    };
    XlsxExport.header(ws, 0, h);
    int r = 1;
    for (Unit u : units) {
      for (Node n : leaves) {
        ws.value(r, 0, u.id());
        ws.value(r, 1, u.name());
        ws.value(r, 2, p.toString());
        ws.value(r, 3, n.id());
        ws.value(r, 4, n.names().in(lang));
        ws.value(r, 5, n.leaf().unit());
        if (!Double.isInfinite(n.leaf().rangeMin())) {
          ws.value(r, 6, n.leaf().rangeMin());
        }
        if (!Double.isInfinite(n.leaf().rangeMax())) {
          ws.value(r, 7, n.leaf().rangeMax());
        }
        ws.style(r, 8).protectionOption(ProtectionOption.LOCKED, false).set();
        ws.style(r, 9).protectionOption(ProtectionOption.LOCKED, false).set();
        validate(ws, r, n.leaf().rangeMin(), n.leaf().rangeMax(), labels);
        r++;
      }
    }
    ws.freezePane(0, 1);
    ws.width(1, 24);
    ws.width(4, 36);
    ws.protect("qinglian");
    Worksheet notes = wb.newWorksheet(labels.get("template.notes"));
    // the marker in A1 tells the reader this sheet is not data, whatever it is renamed to
    notes.value(0, 0, DataReader.NOTES_MARKER);
    notes.value(0, 1, labels.get("template.these_are_notes_on"));
    String[] nh = {
      "indicator", "zh", "en", "direction", "unit_of_measure", "frequency", "min", "max"
    };
    for (int c = 0; c < nh.length; c++) {
      notes.value(1, c, nh[c]);
    }
    int k = 2;
    for (Node n : leaves) {
      notes.value(k, 0, n.id());
      notes.value(k, 1, n.names().zh());
      notes.value(k, 2, n.names().en());
      notes.value(k, 3, n.leaf().direction().name().toLowerCase(Locale.ROOT));
      notes.value(k, 4, n.leaf().unit());
      notes.value(k, 5, n.leaf().frequency().name());
      notes.value(
          k, 6, Double.isInfinite(n.leaf().rangeMin()) ? "" : String.valueOf(n.leaf().rangeMin()));
      notes.value(
          k, 7, Double.isInfinite(n.leaf().rangeMax()) ? "" : String.valueOf(n.leaf().rangeMax()));
      k++;
    }
    wb.finish();
    return dev.qinglian.cli.demo.Xlsx.withoutTimestamp(bytes.toByteArray());
  }
}
