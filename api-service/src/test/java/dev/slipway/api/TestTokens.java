package dev.slipway.api;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;

/** JWTs signed with the test key (src/test/resources/jwt). */
public final class TestTokens {
  private TestTokens() {}

  public static String withGroups(String... groups) {
    return withSubject("test-user", groups);
  }

  public static String withSubject(String subject, String... groups) {
    return Jwt.issuer("https://slipway.dev")
        .audience("slipway-api")
        .subject(subject)
        .groups(java.util.Set.of(groups))
        .expiresIn(Duration.ofMinutes(10))
        .sign();
  }

  /** A tenant-scoped token for the tenant with this id. */
  public static String tenant(String tenantId) {
    return Jwt.issuer("https://slipway.dev")
        .audience("slipway-api")
        .subject("tenant-client-" + tenantId)
        .groups(java.util.Set.of("tenant"))
        .claim("tenant", tenantId)
        .expiresIn(Duration.ofMinutes(10))
        .sign();
  }

  public static String ops() {
    return withGroups("ops");
  }

  public static String admin() {
    return withGroups("admin");
  }
}
