package dev.slipway.api.fleet;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The fleet's defaults: which version new tenants get, and how many tenants follow each version.
 * Read-only: a version is written by the bootstrap and by rollouts ({@link FleetVersions}).
 */
@Tag(name = ApiDefinition.FLEET)
@Path("/v1/fleet")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class FleetResource {
  private final Pool pool;
  private final FleetVersionRepository versions;

  FleetResource(Pool pool, FleetVersionRepository versions) {
    this.pool = pool;
    this.versions = versions;
  }

  @GET
  @Operation(
      operationId = "getFleet",
      summary = "Get the fleet's defaults",
      description =
          "The default gateway image version and gateway config new tenants get, and every fleet version with the number of tenants on it and of pinned tenants.")
  public Uni<FleetView> get() {
    return Uni.combine()
        .all()
        .unis(versions.current(pool), versions.all(pool), versions.counts(pool))
        .asTuple()
        .map(t -> view(t.getItem1(), t.getItem2(), t.getItem3()));
  }

  private static FleetView view(
      Optional<FleetVersion> current,
      List<FleetVersion> all,
      FleetVersionRepository.Counts counts) {
    return new FleetView(
        current.map(v -> FleetView.VersionView.of(v, null)).orElse(null),
        all.stream()
            .map(v -> FleetView.VersionView.of(v, counts.following().getOrDefault(v.version(), 0L)))
            .toList(),
        counts.pinned(),
        counts.unassigned());
  }
}
