package dev.slipway.api.audit;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.PageView;
import dev.slipway.api.http.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ops audit trail, newest first. */
@Tag(name = ApiDefinition.AUDIT)
@Path("/v1/ops/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class OpsAuditResource {
  private final OpsAudit audit;

  OpsAuditResource(OpsAudit audit) {
    this.audit = audit;
  }

  @GET
  @Operation(
      operationId = "listAuditEntries",
      summary = "List audit entries",
      description = "Ops actions, newest first: who, what, why and the outcome.")
  public Uni<PageView<AuditView>> list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    int size = Limits.pageSize(limit);
    return audit
        .list(cursor, size)
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(AuditView::of).toList(), page.nextCursor()));
  }
}
