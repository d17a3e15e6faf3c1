package dev.qinglian.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {
  static Loaded<IndicatorModel> load(String yaml) {
    return ModelLoader.load("m.yaml", new StringReader(yaml));
  }

  static List<String> codesAndLines(Loaded<?> l) {
    return l.diagnostics().stream()
        .map(d -> d.code() + "@" + d.location().line() + ":" + d.location().column())
        .toList();
  }

  static final String BANDS = "bands:\n  - {id: good, min: 50}\n  - {id: bad}\n";

  @Test
  void loadsATwoLevelTreeWithInheritedAttributes() throws Exception {
    IndicatorModel m =
        load(BANDS
                + "defaults: {direction: higher, goalposts: [0, 10]}\n"
                + "index:\n  id: I\n  children:\n    - {id: a}\n    - {id: b, weight: 3, goalposts: {worst: 10, best: 0}, direction: lower}\n")
            .orElseThrow();
    assertEquals(2, m.leaves().size());
    assertEquals(
        new Normalisation.Goalposts(0, 10), m.node("a").orElseThrow().leaf().normalisation());
    assertEquals(
        new Normalisation.Goalposts(10, 0), m.node("b").orElseThrow().leaf().normalisation());
    assertEquals(0.75, m.nominalWeight("b"), 1e-12);
  }

  // Columns are 1-based character positions of the offending value, counted by hand on each line.
  @Test
  void reportsEveryErrorWithLineAndColumn() {
    String yaml =
        String.join(
            "\n",
            "bands:",
            "  - {id: green, min: 60}",
            "  - {id: red, min: 70}", // line 3: out of order
            "overrides:",
            "  - {id: r, indicator: a9, above: 0, cap: green}", // line 5: unknown indicator
            "index:",
            "  id: I",
            "  weigth: 2", // line 8: unknown key (typo)
            "  children:",
            "    - {id: a, direction: higher, goalposts: [0, 10], weight: -2}", // line 10
            "    - {id: a, direction: sideways, goalposts: [5, 5]}", // line 11: dup id, bad dir,
            // equal
            "    - {id: c, direction: lower}", // line 12: no goalposts
            "");
    Loaded<IndicatorModel> l = load(yaml);
    assertTrue(l.hasErrors());
    assertEquals(
        List.of(
            "model.bands.order@3:20",
            "model.key.unknown@8:3",
            "model.weight.nonpositive@10:62",
            "model.id.duplicate@11:12",
            "model.value.invalid@11:26",
            "model.goalposts.equal@11:47",
            "model.method.params@12:7",
            "model.override.indicator@5:24"),
        codesAndLines(l));
    Diagnostic unknownKey = l.diagnostics().get(1);
    assertEquals("unknown key 'weigth'", unknownKey.message());
    // "weight" is two substitutions away, every other key further
    assertTrue(
        unknownKey.hint(Locale.ROOT).startsWith("did you mean: weight, "),
        unknownKey.hint(Locale.ROOT));
    assertEquals("index", unknownKey.modelPath());
    assertEquals("id 'a' is already used (line 10)", l.diagnostics().get(3).message());
    assertEquals("编号“a”已被使用（第 10 行）", l.diagnostics().get(3).message(Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void rejectsGoalpostsThatContradictTheDirection() {
    Loaded<IndicatorModel> l =
        load(
            BANDS
                + "index:\n  id: I\n  children:\n    - {id: a, direction: lower, goalposts: [0, 10]}\n");
    assertEquals(List.of("model.goalposts.direction@7:44"), codesAndLines(l));
  }

  @Test
  void readsOutlierTreatmentsAndRejectsALogTransformWithGoalposts() throws Exception {
    IndicatorModel m =
        load(BANDS
                + "index:\n  id: I\n  children:\n    - {id: a, direction: higher, normalisation: minmax, outliers: log}\n"
                + "    - {id: b, direction: higher, goalposts: [0, 1], outliers: {treatment: winsorise, max-points: 3}}\n")
            .orElseThrow();
    assertEquals(Outliers.Kind.LOG, m.node("a").orElseThrow().leaf().outliers().kind());
    assertEquals(3, m.node("b").orElseThrow().leaf().outliers().maxPoints());
    Loaded<IndicatorModel> bad =
        load(
            BANDS
                + "index:\n  id: I\n  children:\n    - {id: a, direction: higher, goalposts: [0, 1], outliers: log}\n");
    assertEquals("model.outliers.log", bad.diagnostics().get(0).code());
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirPlace() {
    Loaded<IndicatorModel> l = load("bands: [\n  {id: a\nindex: x\n");
    assertEquals("model.yaml", l.diagnostics().get(0).code());
    assertTrue(l.diagnostics().get(0).location().line() > 0);
  }

  @Test
  void boundsAliasExpansion() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 30; i++) {
      y.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a]\n");
    }
    Loaded<IndicatorModel> l = load(y.toString());
    assertEquals("model.yaml", l.diagnostics().get(0).code());
  }

  @Test
  void aRuleWithoutItsIdIsNamedByItsPlace() {
    // BANDS is lines 1-3, "overrides:" line 4, the rule on line 5: no id, no comparison; the
    // message names it overrides/0 (it said override 'null')
    Loaded<IndicatorModel> l =
        load(
            BANDS
                + "overrides:\n  - {indicator: a, cap: bad}\n"
                + "index:\n  id: I\n  children:\n    - {id: a, direction: higher, goalposts: [0, 1]}\n");
    assertEquals(List.of("model.required@5:5", "model.override.comparison@5:5"), codesAndLines(l));
    assertEquals(
        "override 'overrides/0' needs exactly one of above, at-least, below, at-most",
        l.diagnostics().get(1).message(Locale.ENGLISH));
  }

  @Test
  void aCapWhenNoBandLoadedSaysSo() {
    // the only band has a colour that is not #rrggbb (line 2), so no band loads; the rule on line
    // 4 caps at it: the hint lists the bands there are, none ("—", not an empty list)
    Loaded<IndicatorModel> l =
        load(
            "bands:\n  - {id: red, colour: red}\noverrides:\n  - {id: r, indicator: a, above: 0, cap: red}\n"
                + "index:\n  id: I\n  children:\n    - {id: a, direction: higher, goalposts: [0, 1]}\n");
    // columns by hand: "  - {id: red, colour: red}" the value at 23; "cap: red" of line 4 at 42
    assertEquals(List.of("model.colour@2:23", "model.override.cap@4:42"), codesAndLines(l));
    assertEquals("the bands are: —", l.diagnostics().get(1).hint(Locale.ENGLISH));
  }

  @Test
  void refusesMoreOverrideRulesThanTheEvaluatorKeepsAtTheFirstRuleTooMany() throws Exception {
    // BANDS is lines 1-3, "overrides:" line 4, 65 rules on lines 5..69; the 65th, on line 69, is
    // the first too
    // many (the evaluator keeps the rules fired as the 64 bits of a long)
    StringBuilder y = new StringBuilder(BANDS).append("overrides:\n");
    for (int i = 0; i < 65; i++) {
      y.append("  - {id: r").append(i).append(", indicator: a, above: 0, cap: bad}\n");
    }
    y.append("index:\n  id: I\n  children:\n    - {id: a, direction: higher, goalposts: [0, 1]}\n");
    Loaded<IndicatorModel> l = load(y.toString());
    assertEquals(List.of("model.override.count@69:5"), codesAndLines(l));
    assertEquals(
        "the model has 65 override rules; at most 64 are supported",
        l.diagnostics().get(0).message(Locale.ENGLISH));
    // 64 rules load
    String sixtyFour =
        y.toString().replace("  - {id: r64, indicator: a, above: 0, cap: bad}\n", "");
    assertEquals(64, load(sixtyFour).orElseThrow().overrides().size());
  }

  @Test
  void aProblemInDefaultsIsReportedOnceAtItsLine() {
    // three leaves inherit a bad direction, an unknown frequency and a misspelt key from defaults:
    // three errors, one per line, not nine
    var l =
        ModelLoader.load(
            "m.yaml",
            new java.io.StringReader(
                """
                defaults:
                  direction: up
                  frequency: X
                  directon: higher
                bands: [{id: g, min: 50}, {id: r}]
                index:
                  id: X
                  children:
                    - {id: A, goalposts: [0, 1]}
                    - {id: B, goalposts: [0, 1]}
                    - {id: C, goalposts: [0, 1]}
                """));
    assertEquals(
        java.util.List.of("m.yaml:2:14", "m.yaml:3:14", "m.yaml:4:3"),
        l.diagnostics().stream().map(d -> d.location().toString()).sorted().toList(),
        l.diagnostics().toString());
  }
}
