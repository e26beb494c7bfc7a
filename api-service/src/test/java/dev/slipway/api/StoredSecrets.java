package dev.slipway.api;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a secret in every text, JSON and binary column of every table of the schema, so a new
 * table or column that stores a token in clear is caught without this list being updated.
 */
public final class StoredSecrets {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StoredSecrets() {}

  /** "table.column" for every column holding {@code secret} in some row. */
  public static List<String> columnsHolding(Pool pool, String secret) {
    List<String> found = new ArrayList<>();
    for (Row column :
        pool.query(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name NOT LIKE 'flyway%' AND"
                    + " data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')")
            .execute()
            .await()
            .atMost(TIMEOUT)) {
      String table = column.getString("table_name");
      String name = column.getString("column_name");
      String holds =
          column.getString("data_type").equals("bytea")
              ? "position(convert_to($1, 'UTF8') in \"" + name + "\") > 0"
              : "strpos(\"" + name + "\"::text, $1) > 0";
      long rows =
          pool.preparedQuery("SELECT count(*) AS n FROM \"" + table + "\" WHERE " + holds)
              .execute(Tuple.of(secret))
              .await()
              .atMost(TIMEOUT)
              .iterator()
              .next()
              .getLong("n");
      if (rows > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }
}
