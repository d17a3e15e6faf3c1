package dev.qinglian.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Loaded;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultModelTest {
  static IndicatorModel load() throws Exception {
    Loaded<IndicatorModel> loaded = ModelLoader.load(TestFiles.root().resolve("indicators.yaml"));
    assertTrue(loaded.diagnostics().isEmpty(), loaded.diagnostics().toString());
    return loaded.orElseThrow();
  }

  @Test
  void hasSevenDimensionsEighteenFirstLevelAndFortySixSecondLevelIndicators() throws Exception {
    IndicatorModel m = load();
    assertEquals(7, m.dimensions().size());
    assertEquals(18, m.dimensions().stream().mapToInt(d -> d.children().size()).sum());
    assertEquals(46, m.leaves().size());
    // per dimension, as in the catalogue: 7+6+6+7+7+7+6 leaves
    assertEquals(
        List.of(7, 6, 6, 7, 7, 7, 6),
        m.dimensions().stream()
            .map(d -> d.children().stream().mapToInt(c -> c.children().size()).sum())
            .toList());
    assertTrue(m.leaves().stream().allMatch(n -> n.id().matches("D\\d\\.\\d\\.\\d")));
  }

  @Test
  void dimensionWeightsSumToOneHundredAndNominalLeafWeightsToOne() throws Exception {
    IndicatorModel m = load();
    // D1 15, D2 15, D3 12, D4 15, D5 18, D6 15, D7 10
    assertEquals(
        List.of(15.0, 15.0, 12.0, 15.0, 18.0, 15.0, 10.0),
        m.dimensions().stream().map(Node::weight).toList());
    double sum = m.leaves().stream().mapToDouble(l -> m.nominalWeight(l.id())).sum();
    assertEquals(1.0, sum, 1e-12);
    // D5.1.3: D5 = 18/100, D5.1 = 1/3 of D5, D5.1.3 = 1/3 of D5.1 -> 0.02
    assertEquals(0.02, m.nominalWeight("D5.1.3"), 1e-12);
  }

  @Test
  void shipsBandsSourcesAndTheTwoOverrideRules() throws Exception {
    IndicatorModel m = load();
    assertEquals(
        List.of("green", "yellow", "orange", "red"), m.bands().stream().map(Band::id).toList());
    assertEquals(
        List.of(85.0, 75.0, 60.0), m.bands().subList(0, 3).stream().map(Band::min).toList());
    assertEquals("yellow", m.classify(84.999).id());
    assertEquals("green", m.classify(85).id());
    assertEquals("red", m.classify(59.99).id());
    assertEquals(2, m.overrides().size());
    OverrideRule referral = m.overrides().get(0);
    assertEquals("D5.1.3", referral.indicator());
    assertEquals("orange", referral.cap());
    assertEquals("D3.1.2", m.overrides().get(1).indicator());
    assertEquals("yellow", m.overrides().get(1).cap());
    // sources per catalogue: party-office 4, gov-office 4, discipline 17, organisation 9,
    // propaganda 5, supervision 3, petitions 4
    java.util.Map<String, Long> sources =
        m.leaves().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    l -> l.leaf().source(),
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
    assertEquals(
        "{discipline=17, gov-office=4, organisation=9, party-office=4, petitions=4, propaganda=5, supervision=3}",
        sources.toString());
    LeafSpec d611 = m.node("D6.2.1").orElseThrow().leaf();
    assertEquals(Denominator.Base.SERVED, d611.denominator().base());
    assertEquals(1000, d611.denominator().per());
    assertEquals(Frequency.Y, m.node("D2.2.2").orElseThrow().leaf().frequency());
  }
}
