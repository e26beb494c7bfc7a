package dev.slipway.api.rollouts;

import dev.slipway.api.rollouts.planning.ObjectDiff;
import dev.slipway.api.rollouts.planning.Snapshot;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantJson;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/** A tenant a rollout may change: who it is and its settings now. */
public record Candidate(
    UUID id, String slug, DesiredState desired, String namespace, Snapshot snapshot) {

  /** Columns {@link #from} reads, of the tenants table aliased {@code t}. */
  public static final String COLUMNS =
      "t.id, t.slug, t.desired_state, t.namespace, t.sizing::text AS sizing, t.image_version,"
          + " t.fleet_version, t.fleet_image_version, t.gateway_config::text AS gateway_config";

  public static Candidate from(Row r) {
    String slug = r.getString("slug");
    return new Candidate(
        r.getUUID("id"),
        slug,
        DesiredState.valueOf(r.getString("desired_state")),
        r.getString("namespace"),
        new Snapshot(
            TenantJson.sizing(r.getString("sizing")),
            r.getString("image_version"),
            r.getInteger("fleet_version"),
            r.getString("fleet_image_version"),
            TenantJson.gatewayConfig(r.getString("gateway_config"), slug)));
  }

  public ObjectDiff.Tenant forDiff() {
    return new ObjectDiff.Tenant(id, slug, desired, namespace);
  }

  /** The project a new plan's gateway limits are given for. */
  public String project() {
    return snapshot.gatewayConfig().project();
  }
}
