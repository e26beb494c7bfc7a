package dev.slipway.api.bench;

import dev.slipway.api.capacity.FleetRepository;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.tenants.TenantListing;
import dev.slipway.common.model.Phase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The plans PostgreSQL runs the scale benchmark's statements with: the repositories' own SQL, the
 * parameters written in as literals (the API's client sends each statement unnamed, so PostgreSQL
 * plans it for the values bound, as it plans literals).
 */
final class ScalePlans {
  private static final String FIRST = "''";
  private static final String NO_ID = "'00000000-0000-0000-0000-000000000000'";

  private ScalePlans() {}

  static void print(DataSource db, PlanCatalog plans) throws Exception {
    Map<String, String> statements = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      String[] deep = deep(c);
      statements.put("first page", list(null, null, null, FIRST, NO_ID));
      statements.put("90 % deep", list(null, null, null, deep[0], deep[1]));
      statements.put("plan=large", list(null, "large", null, FIRST, NO_ID));
      statements.put("plan=standard, deep", list(null, "standard", null, deep[0], deep[1]));
      statements.put("label team=t7", list(null, null, "{\"team\":\"t7\"}", FIRST, NO_ID));
      statements.put("label env=prod", list(null, null, "{\"env\":\"prod\"}", FIRST, NO_ID));
      statements.put("phase=FAILED", list(Phase.FAILED, null, null, FIRST, NO_ID));
      statements.put("phase=STOPPED", list(Phase.STOPPED, null, null, FIRST, NO_ID));
      statements.put("capacity", FleetRepository.SUMMARY);
      for (var s : statements.entrySet()) {
        System.out.println("plan: " + s.getKey());
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + s.getValue())) {
          while (rs.next()) {
            System.out.println("plan:   " + rs.getString(1));
          }
        }
      }
    }
  }

  private static String[] deep(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT slug, id FROM tenants WHERE phase <> 'DELETED' ORDER BY slug, id"
                    + " OFFSET (SELECT count(*) * 9 / 10 FROM tenants WHERE phase <> 'DELETED')"
                    + " LIMIT 1")) {
      rs.next();
      return new String[] {"'" + rs.getString(1) + "'", "'" + rs.getString(2) + "'"};
    }
  }

  /** The listing's statement with its parameters as literals ($1 slug, $2 id, $3 limit, ...). */
  private static String list(Phase phase, String plan, String labels, String slug, String id) {
    String sql = TenantListing.listSql(phase, plan, labels);
    Object[] args = TenantListing.listArgs("", new UUID(0, 0), phase, plan, labels, 51);
    String[] values = new String[args.length];
    values[0] = slug + "::text";
    values[1] = id + "::uuid";
    values[2] = "51";
    for (int i = 3; i < args.length; i++) {
      values[i] = args[i] == null ? "NULL::text" : "'" + args[i] + "'::text";
    }
    for (int i = values.length; i >= 1; i--) {
      sql = sql.replace("$" + i, values[i - 1]);
    }
    return sql;
  }
}
