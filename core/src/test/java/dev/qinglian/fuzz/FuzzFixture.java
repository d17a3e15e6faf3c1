package dev.qinglian.fuzz;

import dev.qinglian.data.Unit;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/** The small model and register the fuzz targets read data files against. */
public final class FuzzFixture {
  private FuzzFixture() {}

  /** Two leaves: a rate with a plausible range, and a count divided by staff. */
  public static final IndicatorModel MODEL =
      ModelLoader.load(
              "m.yaml",
              new StringReader(
                  """
                  bands: [{id: ok, min: 50}, {id: bad}]
                  index:
                    id: X
                    children:
                      - id: A
                        children:
                          - {id: A.1, direction: higher, goalposts: [0, 100], range: [0, 100]}
                          - {id: A.2, direction: lower, goalposts: [5, 0], denominator: {of: staff, per: 100}}
                  """))
          .value();

  /** Units U1 and U2. */
  public static final UnitRegister UNITS =
      new UnitRegister(
          List.of(
              new Unit("U1", "甲", "t", "", 10, 5, Map.of(), 2),
              new Unit("U2", "乙", "t", "", 20, 5, Map.of(), 3)),
          "units.csv");
}
