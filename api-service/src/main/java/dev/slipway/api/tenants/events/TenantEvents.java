package dev.slipway.api.tenants.events;

import dev.slipway.api.auth.FailureText;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import dev.slipway.api.tenants.TenantRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * One timeline per tenant: what was asked of it, by whom, and what came of it, newest first. Admins
 * and ops read every event as recorded; the tenant's own token reads who acted only as {@code you},
 * {@code operator} or {@code slipway}, and no recorded text that may carry cluster internals.
 */
@ApplicationScoped
public class TenantEvents {
  static final String YOU = "you";
  static final String OPERATOR = "operator";
  static final String SLIPWAY = "slipway";

  /** Subjects Slipway records for what it does on its own, e.g. the purge sweep's. */
  private static final String SYSTEM_PREFIX = "system:";

  private final TimelineRepository timeline;

  TenantEvents(TimelineRepository timeline) {
    this.timeline = timeline;
  }

  /**
   * One page of the tenant's events.
   *
   * @param caller who reads: compared with each actor to tell a tenant token {@code you}
   * @param full whether the caller reads events as recorded (admin, ops)
   */
  public Uni<Page<TenantEventView>> page(
      TenantRow tenant, EventQuery query, Requester caller, boolean full) {
    return timeline
        .page(tenant.id(), tenant.slug(), tenant.createdAt(), query, query.limit() + 1)
        .map(
            rows ->
                Page.of(
                    rows, query.limit(), last -> Cursors.encode(last.at().toString(), last.key())))
        .map(
            page ->
                new Page<>(
                    page.items().stream()
                        .map(e -> full ? asRecorded(e) : forTenant(e, caller))
                        .toList(),
                    page.nextCursor()));
  }

  static TenantEventView asRecorded(EventRow e) {
    String actor = e.actor() == null && e.kind() == EventKind.REPAIR ? SLIPWAY : e.actor();
    return view(e, actor, e.reason(), e.detail());
  }

  static TenantEventView forTenant(EventRow e, Requester caller) {
    String detail =
        e.detail() != null && (e.kind() == EventKind.OPERATION || e.kind() == EventKind.REPAIR)
            ? FailureText.operation(e.operationId())
            : null;
    // A tenant reads why it was suspended or deleted; ops jobs' and rollouts' reasons are internal.
    String reason =
        e.kind() == EventKind.WRITE || e.kind() == EventKind.LIFECYCLE ? e.reason() : null;
    return view(e, actorForTenant(e, caller), reason, detail);
  }

  static String actorForTenant(EventRow e, Requester caller) {
    if (e.actor() == null) {
      // Nobody asked: a reconciler repair; otherwise an operation from before requesters were
      // recorded (V10), which only the API's callers could queue.
      return e.kind() == EventKind.REPAIR ? SLIPWAY : OPERATOR;
    }
    if (e.actor().startsWith(SYSTEM_PREFIX)) {
      return SLIPWAY;
    }
    boolean sameIssuer =
        e.actorIssuer() == null || Objects.equals(e.actorIssuer(), caller.issuer());
    return sameIssuer && e.actor().equals(caller.subject()) ? YOU : OPERATOR;
  }

  private static TenantEventView view(EventRow e, String actor, String reason, String detail) {
    return new TenantEventView(
        e.at(),
        e.kind(),
        e.action(),
        actor,
        e.status(),
        e.attempts(),
        e.operationId(),
        e.rolloutId(),
        reason,
        detail,
        e.finishedAt());
  }
}
