package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.Workspace;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.Timeline;
import dev.qinglian.monitor.Transition;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped demo county: its stories, checked against independently computed numbers. */
class DemoCountyTest {
  static Workspace ws;
  static Evaluator evaluator;

  @BeforeAll
  static void load() {
    dev.qinglian.diag.Loaded<Workspace> loaded = Workspace.open(Golden.demo());
    assertTrue(!loaded.hasErrors(), loaded.diagnostics().toString());
    ws = loaded.value();
    evaluator = new Evaluator(ws.model());
  }

  static String colour(String unit, String month) {
    PeriodResult r = evaluator.evaluate(ws.data(), YearMonth.parse(month));
    return r.band(r.indexOf(unit)).id();
  }

  @Test
  void indexMatchesTheIndependentPythonRecomputation() {
    PeriodResult oct = evaluator.evaluate(ws.data(), YearMonth.of(2026, 10));
    // python3 tools/crosscheck.py examples/demo-county B38 2026-10 -> 98.9159068627451
    assertEquals(98.9159068627451, oct.index(oct.indexOf("B38")), 1e-9);
    // python3 tools/crosscheck.py examples/demo-county Z07 2026-10 -> 51.15777356902357
    assertEquals(51.15777356902357, oct.index(oct.indexOf("Z07")), 1e-9);
  }

  @Test
  void z07TurnsRedAfterAReferralToJudicialOrgans() {
    assertEquals("green", colour("Z07", "2026-05"));
    PeriodResult aug = evaluator.evaluate(ws.data(), YearMonth.of(2026, 8));
    int z07 = aug.indexOf("Z07");
    assertEquals(1.0, aug.raw("D5.1.3", z07));
    assertEquals("judicial-referral", aug.caps(z07).get(0).id());
    assertEquals("red", aug.band(z07).id());
    assertEquals("red", colour("Z07", "2026-10"));
  }

  @Test
  void returnersGoBackToGreen() {
    // B05: orange in summer 2025, green again by 2025-11
    assertEquals("orange", colour("B05", "2025-08"));
    assertEquals("green", colour("B05", "2025-11"));
    // Z10: orange 2025-11 to 2026-02, green from 2026-06
    assertEquals("orange", colour("Z10", "2026-02"));
    assertEquals("green", colour("Z10", "2026-06"));
  }

  @Test
  void b21IsCappedAtYellowByAProblemPromotion() {
    PeriodResult oct = evaluator.evaluate(ws.data(), YearMonth.of(2026, 10));
    int b21 = oct.indexOf("B21");
    assertEquals("green", oct.uncappedBand(b21).orElseThrow().id());
    assertEquals("yellow", oct.band(b21).id());
    assertEquals("problem-promotion", oct.caps(b21).get(0).id());
  }

  @Test
  void timelineFollowsZ07DownAndB33BackToGreen() {
    Timeline t = Timeline.of(evaluator, ws.data(), YearMonth.of(2026, 5), YearMonth.of(2026, 8));
    double[] z07 = t.series("Z07", "CGI");
    // python3 tools/crosscheck.py examples/demo-county Z07 2026-06 / 07 / 08
    assertEquals(84.72157407407407, z07[1], 1e-9);
    assertEquals(73.27000420875422, z07[2], 1e-9);
    assertEquals(58.26476010101012, z07[3], 1e-9);
    assertEquals(
        List.of("green", "yellow", "orange", "red"),
        t.colours("Z07").stream().map(b -> b.id()).toList());
    assertEquals(3, t.longestNonGreenStreak("Z07"));
    // B33: 75.9473 yellow in July -> 90.9746 green in August (crosscheck.py B33 2026-07 / 08)
    Transition back =
        t.transitions(YearMonth.of(2026, 8)).stream()
            .filter(x -> x.unit().id().equals("B33"))
            .findFirst()
            .orElseThrow();
    assertEquals(Transition.Kind.RETURNED, back.kind());
    assertEquals(75.94730483996878, back.indexBefore(), 1e-9);
    assertEquals(90.9745634920635, back.indexAfter(), 1e-9);
    // B12 turns yellow in July 2026 (a new warning)
    assertEquals(
        Transition.Kind.NEWLY_WARNED,
        t.transitions(YearMonth.of(2026, 7)).stream()
            .filter(x -> x.unit().id().equals("B12"))
            .findFirst()
            .orElseThrow()
            .kind());
  }

  @Test
  void moversOfZ07SumToItsChange() {
    PeriodResult jul = evaluator.evaluate(ws.data(), YearMonth.of(2026, 7));
    PeriodResult aug = evaluator.evaluate(ws.data(), YearMonth.of(2026, 8));
    double sum = Explanation.movers(jul, aug, "Z07").stream().mapToDouble(m -> m.points()).sum();
    // 58.26476010101012 - 73.27000420875422 (crosscheck.py)
    assertEquals(58.26476010101012 - 73.27000420875422, sum, 1e-9);
  }

  @Test
  void generatorIsDeterministic(@TempDir Path a, @TempDir Path b) throws Exception {
    assertEquals(0, Golden.run("demo", "--out", a.toString()).exit());
    assertEquals(0, Golden.run("demo", "--out", b.toString()).exit());
    List<String> sa = Golden.snapshot(a);
    assertEquals(sa, Golden.snapshot(b));
    // and the shipped demo is what the generator writes
    List<String> shipped = new ArrayList<>(Golden.snapshot(Golden.demo()));
    assertEquals(sa, shipped);
  }
}
