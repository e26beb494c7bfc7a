package dev.slipway.api.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.ImageVersions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The fleet's versioned defaults (migration V13): what a new tenant gets, and the one way to make a
 * new version, for the rollout engine. A version is immutable once written; the default is the
 * newest promoted one, so a rollout creates its version unpromoted, moves tenants to it wave by
 * wave, and promotes it when it succeeds (a halted rollout leaves the default as it was). Version
 * numbers are allocated under a transaction-scoped advisory lock, safe with several API replicas.
 */
@ApplicationScoped
public class FleetVersions {
  private final Pool pool;
  private final FleetVersionRepository versions;

  FleetVersions(Pool pool, FleetVersionRepository versions) {
    this.pool = pool;
    this.versions = versions;
  }

  /** The default new tenants get, or empty before the API's bootstrap wrote version 1. */
  public Uni<Optional<FleetVersion>> current(SqlClient client) {
    return versions.current(client);
  }

  public Uni<Optional<FleetVersion>> find(SqlClient client, int version) {
    return versions.find(client, version);
  }

  /**
   * As {@link #create(SqlClient, String, JsonNode, String, String, UUID)}, in its own transaction.
   */
  public Uni<FleetVersion> create(
      String imageVersion,
      JsonNode gatewayConfigPatch,
      String reason,
      String actor,
      UUID rolloutId) {
    return pool.withTransaction(
        tx -> create(tx, imageVersion, gatewayConfigPatch, reason, actor, rolloutId));
  }

  /**
   * Writes the next version, not promoted, derived from the current default: {@code imageVersion}
   * (null keeps the default's) and the default's gateway patch with {@code gatewayConfigPatch}
   * merged in (RFC 7386: a member set to null goes back to the plan's value; null changes nothing).
   * 422 naming {@code target.imageVersion} or {@code target.gatewayConfig.<member>} for an invalid
   * one, and a 409 before the bootstrap wrote version 1.
   *
   * @param actor who asked (a token subject), recorded as created_by
   * @param rolloutId the rollout creating it, or null
   */
  public Uni<FleetVersion> create(
      SqlClient tx,
      String imageVersion,
      JsonNode gatewayConfigPatch,
      String reason,
      String actor,
      UUID rolloutId) {
    ImageVersions.problem(imageVersion)
        .ifPresent(
            p -> {
              throw ApiException.invalidField("target.imageVersion", p);
            });
    GatewayPatch.requireValid("target.gatewayConfig", gatewayConfigPatch);
    return versions
        .lock(tx)
        .flatMap(v -> versions.current(tx))
        .flatMap(
            current -> {
              FleetVersion base =
                  current.orElseThrow(
                      () -> ApiException.conflict("the fleet has no version yet (bootstrap)"));
              String image = imageVersion == null ? base.imageVersion() : imageVersion;
              JsonNode gateway = GatewayPatch.merge(base.gatewayConfig(), gatewayConfigPatch);
              return versions.insertNext(
                  tx, image, GatewayPatch.write(gateway), reason, actor, rolloutId, false);
            });
  }

  /** As {@link #promote(SqlClient, int)}, in its own transaction. */
  public Uni<FleetVersion> promote(int version) {
    return pool.withTransaction(tx -> promote(tx, version));
  }

  /**
   * Makes {@code version} the default new tenants get (also an older one again, e.g. after a
   * rollback); 404 for an unknown version. Tenants already on other versions stay where they are.
   */
  public Uni<FleetVersion> promote(SqlClient tx, int version) {
    return versions
        .lock(tx)
        .flatMap(v -> versions.promote(tx, version))
        .map(
            promoted ->
                promoted.orElseThrow(() -> ApiException.notFound("fleet version " + version)));
  }
}
