package dev.qinglian.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The reference of issue 4: how long DuckDB needs merely to parse a long CSV ({@code SELECT
 * count(*), sum(value) FROM read_csv(...)}), in-process through its JDBC driver, repeated.
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.qinglian.bench.DuckDbParse FILE [REPS]}.
 */
public final class DuckDbParse {
  private DuckDbParse() {}

  /** Runs the query REPS times and prints each time and the median. */
  public static void main(String[] args) throws Exception {
    String file = args[0];
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double[] t = new double[reps];
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs =
            s.executeQuery("SELECT count(*), sum(value) FROM read_csv('" + file.replace("'", "''") + "')")) {
          rs.next();
          if (i == 0) {
            System.out.println("rows " + rs.getLong(1) + ", sum " + rs.getDouble(2));
          }
        }
        t[i] = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "duckdb parse %.3f s%n", t[i]);
      }
    }
    double[] sorted = t.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "duckdb parse median %.3f s (min %.3f, max %.3f)%n",
        sorted[reps / 2], sorted[0], sorted[reps - 1]);
  }
}
