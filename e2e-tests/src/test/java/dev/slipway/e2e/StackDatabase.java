package dev.slipway.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/** A JDBC connection to the local stack's database, from what {@code local.env} exports. */
public final class StackDatabase {
  private StackDatabase() {}

  public static Connection connect(Map<String, String> env) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", env.get("SLIPWAY_DB_USER"));
    props.setProperty("password", env.get("SLIPWAY_DB_PASSWORD"));
    return new Driver().connect(env.get("SLIPWAY_JDBC_URL"), props);
  }
}
