package dev.slipway.cli.config;

import dev.slipway.cli.CliException;
import dev.slipway.cli.DurationConverter;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Mints a local development token from the stack's key: what deploy/local/mint-token.sh does,
 * without openssl or sourcing local.env first.
 */
@Command(
    name = "token",
    description = {
      "Mint a token for the local stack, signed with its development key (.slipway/).",
      "  slipway-cli token ops",
      "  slipway-cli token tenant --tenant acme --ttl 30m"
    })
public final class TokenCommand implements Callable<Integer> {
  static final String ISSUER = "https://slipway.dev";
  static final String AUDIENCE = "slipway-api";
  private final Session session;

  @Parameters(
      index = "0",
      defaultValue = "admin",
      paramLabel = "ROLE",
      description = "admin (default), ops or tenant")
  Role role;

  @Option(names = "--tenant", description = "tenant id or slug (tenant tokens: required)")
  String tenant;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description = "lifetime (default 1h)")
  Duration ttl;

  @Option(names = "--subject", description = "the sub claim (default local-ROLE)")
  String subject;

  TokenCommand(Session session) {
    this.session = session;
  }

  enum Role {
    admin,
    ops,
    tenant
  }

  @Override
  public Integer call() {
    if (role == Role.tenant && tenant == null) {
      throw new CliException(ExitCodes.USAGE, "a tenant token needs --tenant <id or slug>");
    }
    Map<String, String> vars = devVars();
    Path key = Path.of(vars.getOrDefault("SLIPWAY_DEV_JWT_KEY", ".slipway/jwt-dev-private.pem"));
    if (!Files.isRegularFile(key)) {
      throw new CliException(
          ExitCodes.USAGE,
          "no development key at "
              + key
              + ": run from the repository while ./slipway up is running, or set SLIPWAY_DEV_JWT_KEY");
    }
    DevToken minter =
        DevToken.fromPem(
            key,
            vars.getOrDefault("SLIPWAY_DEV_JWT_ISSUER", ISSUER),
            vars.getOrDefault("SLIPWAY_DEV_JWT_AUDIENCE", AUDIENCE),
            session.json());
    Instant now = session.clock().instant();
    String tenantId = role == Role.tenant ? tenantId(tenant) : null;
    String sub = subject != null ? subject : "local-" + role;
    session.out().println(minter.mint(sub, role.name(), tenantId, now, now.plus(ttl)));
    session.out().flush();
    return ExitCodes.OK;
  }

  /** The key and claims: the environment first, then the local stack's local.env. */
  private Map<String, String> devVars() {
    Map<String, String> vars = new HashMap<>();
    LocalEnv.find(session.cwd())
        .ifPresent(
            file -> {
              vars.putAll(LocalEnv.read(file));
              vars.putIfAbsent(
                  "SLIPWAY_DEV_JWT_KEY", file.resolveSibling("jwt-dev-private.pem").toString());
            });
    session
        .env()
        .forEach(
            (k, v) -> {
              if (k.startsWith("SLIPWAY_DEV_JWT_")) {
                vars.put(k, v);
              }
            });
    return vars;
  }

  /** The tenant claim holds the id: a slug is looked up through the API. */
  private String tenantId(String idOrSlug) {
    try {
      return UUID.fromString(idOrSlug).toString();
    } catch (IllegalArgumentException e) {
      return session.api().get("v1/tenants/" + idOrSlug, Map.of()).body().path("id").asText();
    }
  }
}
