package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.PageView;
import dev.slipway.api.http.Roles;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.api.tenants.TenantService;
import dev.slipway.api.tenants.events.EventQuery;
import dev.slipway.api.tenants.events.TenantEventView;
import dev.slipway.api.tenants.events.TenantEvents;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's timeline, newest first: every write with who asked, every operation with its attempts
 * and outcome, reconciler repairs, dead-letter outcomes and rollout steps. Soft-deleted tenants
 * keep theirs; a purged tenant's is for admins and ops only (its own token reads 404, as for any
 * tenant it may not see).
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
public class TenantEventsResource {
  private final TenantService tenants;
  private final TenantEvents events;
  private final TenantScope access;
  private final SecurityIdentity caller;

  TenantEventsResource(
      TenantService tenants, TenantEvents events, TenantScope access, SecurityIdentity caller) {
    this.tenants = tenants;
    this.events = events;
    this.access = access;
    this.caller = caller;
  }

  /**
   * @param kind repeatable (or comma-separated): write, lifecycle, operation, repair, dead-letter,
   *     rollout; all when absent
   * @param since events at or after this RFC 3339 time
   * @param until events before this RFC 3339 time
   */
  @GET
  @Operation(
      operationId = "listTenantEvents",
      summary = "A tenant's timeline",
      description =
          "Every write with who asked, every operation with its attempts and outcome, reconciler repairs, dead-letter outcomes and rollout steps of the tenant, newest first; filter by kind and time, a page at a time. A tenant's own token sees its own timeline without internal detail.")
  public Uni<PageView<TenantEventView>> list(
      @PathParam("slug") String slug,
      @QueryParam("kind") List<String> kind,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    EventQuery query = EventQuery.parse(kind, since, until, cursor, Limits.pageSize(limit));
    boolean full = access.seesFailureDetail();
    return tenants
        .get(slug)
        .map(access::check)
        .map(tenant -> full ? tenant : notPurged(tenant))
        .flatMap(tenant -> events.page(tenant, query, Requester.of(caller), full))
        .map(page -> new PageView<>(page.items(), page.nextCursor()));
  }

  private static TenantRow notPurged(TenantRow tenant) {
    if (tenant.lifecycle().purgedAt() != null) {
      throw ApiException.notFound("tenant '" + tenant.slug() + "'");
    }
    return tenant;
  }
}
