package dev.qinglian.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The units' outlines of a GeoJSON map ({@code map.geojson}): a FeatureCollection whose features
 * carry {@code properties.unit} and a Polygon or MultiPolygon geometry. Features without a unit or
 * a geometry are skipped (a map may show rivers or a county border); a feature that names a unit
 * but whose geometry is malformed is an error naming the feature and what is wrong.
 *
 * @param unit the unit id
 * @param rings the outer ring of each polygon, as [longitude, latitude] pairs
 */
public record MapShapes(String unit, List<List<double[]>> rings) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Copies the list. */
  public MapShapes {
    rings = List.copyOf(rings);
  }

  /**
   * Reads a map.
   *
   * @throws CliException with {@link ExitCode#INPUT} when the file is not such a map, {@link
   *     ExitCode#UNREADABLE} when it cannot be read
   */
  public static List<MapShapes> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw CliException.of(ExitCode.UNREADABLE, "read.failed", file, e.getMessage());
    }
    return parse(file, bytes);
  }

  /**
   * Reads a map from its bytes; {@code file} names it in messages.
   *
   * @throws CliException with {@link ExitCode#INPUT} when the bytes are not such a map
   */
  public static List<MapShapes> parse(Path file, byte[] bytes) {
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw invalid(file, e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      throw invalid(file, e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("features").isArray()) {
      throw CliException.of(ExitCode.INPUT, "geojson.collection", file);
    }
    List<MapShapes> out = new ArrayList<>();
    int n = 0;
    for (JsonNode f : root.get("features")) {
      n++;
      JsonNode unit = f.path("properties").path("unit");
      JsonNode geom = f.path("geometry");
      if (!unit.isValueNode() || unit.isNull() || !geom.isObject()) {
        continue;
      }
      String id = unit.asText();
      String type = geom.path("type").asText("");
      JsonNode coords = geom.path("coordinates");
      List<JsonNode> polygons = new ArrayList<>();
      if (type.equals("MultiPolygon") && coords.isArray()) {
        coords.forEach(polygons::add);
      } else if (type.equals("Polygon")) {
        polygons.add(coords);
      } else {
        throw CliException.of(ExitCode.INPUT, "geojson.geometry", file, n, id);
      }
      List<List<double[]>> rings = new ArrayList<>();
      for (JsonNode polygon : polygons) {
        if (!polygon.isArray() || polygon.isEmpty() || !polygon.get(0).isArray()) {
          throw CliException.of(ExitCode.INPUT, "geojson.polygon", file, n, id);
        }
        List<double[]> ring = new ArrayList<>();
        for (JsonNode pt : polygon.get(0)) {
          if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
            throw CliException.of(ExitCode.INPUT, "geojson.position", file, n, id, pt.toString());
          }
          double x = pt.get(0).asDouble();
          double y = pt.get(1).asDouble();
          if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw CliException.of(ExitCode.INPUT, "geojson.finite", file, n, id, pt.toString());
          }
          ring.add(new double[] {x, y});
        }
        rings.add(ring);
      }
      out.add(new MapShapes(unit.asText(), rings));
    }
    return out;
  }

  private static CliException invalid(Path file, String why) {
    return CliException.of(ExitCode.INPUT, "geojson.invalid", file, why);
  }
}
