package dev.slipway.api.tenants;

import dev.slipway.api.http.ApiException;
import dev.slipway.common.render.NameCollisions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a slug whose objects would share a name with a live tenant's ({@link NameCollisions}). A
 * create checks inside its insert statement and asks here only why it was refused; a restore, which
 * brings a tenant's objects back, checks here before it writes.
 */
@ApplicationScoped
public class SlugCollisions {
  private final LiveTenants liveTenants;

  SlugCollisions(LiveTenants liveTenants) {
    this.liveTenants = liveTenants;
  }

  /** Fails with 409 naming the first live tenant whose objects collide with {@code slug}'s. */
  public Uni<Void> requireNone(SqlClient tx, String slug) {
    return liveTenants
        .liveSlugsAmong(tx, NameCollisions.slugs(slug))
        .invoke(
            live ->
                NameCollisions.of(slug).stream()
                    .filter(c -> live.contains(c.otherSlug()))
                    .findFirst()
                    .ifPresent(
                        c -> {
                          throw collision(slug, c);
                        }))
        .replaceWithVoid();
  }

  private static ApiException collision(String slug, NameCollisions.Collision c) {
    return ApiException.conflict(
        "slug '"
            + slug
            + "' collides with tenant '"
            + c.otherSlug()
            + "': "
            + c.reason()
            + "; choose another slug");
  }
}
