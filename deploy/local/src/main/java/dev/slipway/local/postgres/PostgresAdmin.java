package dev.slipway.local.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Superuser work on an embedded server: roles and databases.
 *
 * <p>Connects as {@code postgres}, which {@link PgHbaWriter} keeps trusted on loopback, through the
 * driver class directly: DriverManager filters drivers by the caller's class loader, which differs
 * between Quarkus test applications.
 */
final class PostgresAdmin {

  // Names go into DDL, which cannot take bind parameters: allow only plain identifiers.
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String DUPLICATE_DATABASE = "42P04";

  private final int port;

  PostgresAdmin(int port) {
    this.port = port;
  }

  /**
   * Creates the login role if absent and (re)sets its password: a reused data dir keeps roles. Only
   * the admin role may create databases.
   */
  void ensureRole(String role, String password, boolean createDb) {
    requireIdentifier(role);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + "; END IF; END $$");
      s.execute(
          "ALTER ROLE "
              + role
              + " LOGIN "
              + (createDb ? "CREATEDB" : "NOCREATEDB")
              + " PASSWORD '"
              + password
              + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create role " + role, e);
    }
  }

  /** Makes {@code member} a member of {@code role}, inheriting its rights (ownership included). */
  void grantMembership(String role, String member) {
    requireIdentifier(role);
    requireIdentifier(member);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("GRANT " + role + " TO " + member);
    } catch (SQLException e) {
      throw new IllegalStateException("could not grant " + role + " to " + member, e);
    }
  }

  void createDatabase(String name, String owner) {
    requireIdentifier(name);
    try (Connection c = connect()) {
      if (!exists(c, name)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + name + " OWNER " + owner);
        }
        restrictPublicSchema(name, owner);
      }
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // else created concurrently: fine
        throw new IllegalStateException("could not create database " + name, e);
      }
    }
  }

  /**
   * The owner's schema, as on PostgreSQL 15+ (and RDS): before 15 every role may create tables in
   * {@code public}, which would let the worker or the reconciler change the schema.
   */
  private void restrictPublicSchema(String database, String owner) throws SQLException {
    try (Connection c = connect(database);
        Statement s = c.createStatement()) {
      s.execute("ALTER SCHEMA public OWNER TO " + owner);
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }
  }

  /** Drops the database, ending its open sessions first (PostgreSQL 13+). */
  void dropDatabase(String name) {
    requireIdentifier(name);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop database " + name, e);
    }
  }

  static void requireIdentifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
    }
  }

  private Connection connect() throws SQLException {
    return connect("postgres");
  }

  private Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    return new Driver().connect("jdbc:postgresql://localhost:" + port + "/" + database, props);
  }

  private static boolean exists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
