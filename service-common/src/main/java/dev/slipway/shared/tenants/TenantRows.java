package dev.slipway.shared.tenants;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantJson;
import dev.slipway.common.model.TenantSpec;
import io.vertx.mutiny.sqlclient.Row;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * The one mapping between a {@code tenants} row and {@link TenantSpec} / {@link TenantRow}: select
 * {@link #columns} and read the row with {@link #from}. The worker and the reconciler each wrote
 * this mapping; a column added to one and not the other would have rendered different objects.
 *
 * <p>The image version read is the effective one: the tenant's pinned {@code image_version}, else
 * the {@code fleet_image_version} of the fleet version it follows (migration V13). So the rendered
 * image of a tenant with a fleet version comes from the database alone, and changing the tag of
 * {@code slipway.fleet.image} in a service's configuration re-renders no such tenant.
 */
public final class TenantRows {
  private TenantRows() {}

  /**
   * The columns {@link #from} reads, qualified by {@code alias} (e.g. {@code "t"}; empty for none).
   * JSON columns come back as text, which {@link TenantJson} decodes.
   */
  public static String columns(String alias) {
    String p = alias.isEmpty() ? "" : alias + ".";
    return String.join(
        ", ",
        p + "id",
        p + "slug",
        p + "generation",
        p + "desired_state",
        p + "sizing::text AS sizing",
        // Pinned wins; else the tenant's fleet version; NULL both (a row from before the API's
        // fleet
        // bootstrap, migration V13): the renderer uses slipway.fleet.image as configured.
        "COALESCE(" + p + "image_version, " + p + "fleet_image_version) AS image_version",
        p + "gateway_config::text AS gateway_config",
        p + "gateway_token",
        p + "gateway_url",
        p + "phase",
        p + "observed_generation",
        p + "ready_replicas",
        p + "namespace",
        "(" + p + "frozen_at IS NOT NULL) AS frozen");
  }

  /**
   * The desired state of the row; throws if a column cannot be decoded (the message names it).
   * {@code openToken} turns the stored gateway token (sealed by the API, or in clear on a row not
   * sealed yet) into the token in clear.
   */
  public static TenantSpec spec(Row row, UnaryOperator<String> openToken) {
    String slug = row.getString("slug");
    return new TenantSpec(
        row.getUUID("id"),
        slug,
        row.getLong("generation"),
        DesiredState.valueOf(row.getString("desired_state")),
        TenantJson.sizing(row.getString("sizing")),
        row.getString("image_version"),
        TenantJson.gatewayConfig(row.getString("gateway_config"), slug),
        openToken.apply(row.getString("gateway_token")),
        row.getString("namespace"));
  }

  /** The row, its token opened with {@code openToken} (see {@link #spec}). */
  public static TenantRow from(Row row, UnaryOperator<String> openToken) {
    return new TenantRow(
        spec(row, openToken),
        host(row.getString("gateway_url")),
        Phase.valueOf(row.getString("phase")),
        row.getLong("observed_generation"),
        row.getInteger("ready_replicas"),
        Boolean.TRUE.equals(row.getBoolean("frozen")));
  }

  /** The host of a gateway URL, or null when there is none or it cannot be parsed. */
  static String host(String url) {
    try {
      return url == null ? null : URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
