package dev.slipway.api.reconcileruns;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.PageView;
import dev.slipway.api.http.Roles;
import dev.slipway.api.reconcileruns.ReconcileRunRepository.RunRow;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reconciler's recent passes, newest first, for ops (what drifted, what was repaired). */
@Tag(name = ApiDefinition.RECONCILE)
@Path("/v1/ops/reconcile-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class ReconcileRunsResource {
  /** Before every run: the position of the first page. */
  private static final List<String> FIRST =
      List.of("9999-12-31T23:59:59Z", new UUID(-1, -1).toString());

  private final ReconcileRunRepository runs;

  ReconcileRunsResource(ReconcileRunRepository runs) {
    this.runs = runs;
  }

  @GET
  @Operation(
      operationId = "listReconcileRuns",
      summary = "List reconcile runs",
      description = "The reconciler's passes, newest first, with what each found and repaired.")
  public Uni<PageView<ReconcileRunView>> list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    int size = Limits.pageSize(limit);
    List<String> before =
        cursor == null ? FIRST : Cursors.decode(cursor, 2).orElseThrow(() -> badCursor(cursor));
    OffsetDateTime startedAt;
    UUID id;
    try {
      startedAt = OffsetDateTime.parse(before.get(0));
      id = UUID.fromString(before.get(1));
    } catch (RuntimeException e) {
      throw badCursor(cursor);
    }
    // One row more than asked tells whether another page exists, without a count query.
    return runs.listBefore(startedAt, id, size + 1).map(rows -> page(rows, size));
  }

  private static PageView<ReconcileRunView> page(List<RunRow> rows, int size) {
    List<RunRow> items = rows.size() > size ? rows.subList(0, size) : rows;
    String next = null;
    if (rows.size() > size) {
      RunRow last = items.get(size - 1);
      next = Cursors.encode(last.startedAt().toString(), last.id().toString());
    }
    return new PageView<>(items.stream().map(ReconcileRunView::of).toList(), next);
  }

  private static ApiException badCursor(String cursor) {
    return ApiException.badRequest("cursor '" + cursor + "' was not issued by this API");
  }
}
