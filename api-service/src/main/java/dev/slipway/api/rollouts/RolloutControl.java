package dev.slipway.api.rollouts;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reading rollouts, and pausing, resuming and aborting one, each change audited. */
@ApplicationScoped
public class RolloutControl {
  static final Set<String> STATUSES =
      Set.of("PLANNED", "RUNNING", "PAUSED", "SUCCEEDED", "HALTED", "ROLLED_BACK", "ABORTED");
  private final Pool pool;
  private final OpsAudit audit;

  RolloutControl(Pool pool, OpsAudit audit) {
    this.pool = pool;
    this.audit = audit;
  }

  public RolloutView get(String id) {
    return Tx.run(
        pool,
        c -> {
          RolloutRow r = RolloutRepository.find(c, id, false);
          return RolloutView.of(r, RolloutRepository.tenants(c, r.id()));
        });
  }

  /** Newest first; each item without its tenants' list (GET the rollout for those). */
  public Page<RolloutView> list(String status, String cursor, int limit) {
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalidField("status", "status must be one of " + STATUSES);
    }
    OffsetDateTime at = OffsetDateTime.parse("9999-12-31T23:59:59Z");
    UUID after = new UUID(-1L, -1L);
    if (cursor != null) {
      List<String> parts = Cursors.decode(cursor, 2).orElseThrow(() -> Cursors.badCursor(cursor));
      try {
        at = OffsetDateTime.parse(parts.get(0));
        after = UUID.fromString(parts.get(1));
      } catch (RuntimeException e) {
        throw Cursors.badCursor(cursor);
      }
    }
    OffsetDateTime from = at;
    UUID fromId = after;
    List<RolloutView> rows =
        Tx.run(pool, c -> RolloutRepository.list(c, status, from, fromId, limit + 1)).stream()
            .map(r -> RolloutView.of(r, List.of()))
            .toList();
    return Page.of(
        rows, limit, last -> Cursors.encode(last.createdAt().toString(), last.id().toString()));
  }

  /** RUNNING to PAUSED: no tenant is changed until resumed; changes in flight still settle. */
  public RolloutView pause(String id, String actor, String reason) {
    return move(id, actor, reason, "pause", Set.of("RUNNING"), "PAUSED");
  }

  public RolloutView resume(String id, String actor, String reason) {
    return move(id, actor, reason, "resume", Set.of("PAUSED"), "RUNNING");
  }

  /**
   * Stops for good: pending tenants are skipped, changed ones keep their change (a new rollout
   * takes them back). A halted rollout is rolling back and cannot be aborted.
   */
  public RolloutView abort(String id, String actor, String reason) {
    return move(id, actor, reason, "abort", Set.of("RUNNING", "PAUSED"), "ABORTED");
  }

  private RolloutView move(
      String id, String actor, String reason, String verb, Set<String> from, String to) {
    String why = reason == null ? "no reason given" : OpsAudit.requireReason(reason);
    return Tx.run(
        pool,
        c -> {
          RolloutRow r = RolloutRepository.find(c, id, true);
          if (!from.contains(r.status())) {
            throw ApiException.conflict(
                "rollout " + id + " is " + r.status() + "; " + verb + " needs " + from);
          }
          RolloutRepository.setStatus(c, r.id(), to, null);
          audit
              .record(c, actor, "rollout." + verb, id, null, why, Map.of(), to)
              .await()
              .indefinitely();
          return RolloutView.of(
              RolloutRepository.find(c, id, false), RolloutRepository.tenants(c, r.id()));
        });
  }
}
