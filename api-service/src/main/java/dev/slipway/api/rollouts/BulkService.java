package dev.slipway.api.rollouts;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.rollouts.planning.BulkAction;
import dev.slipway.api.rollouts.planning.BulkConfirmation;
import dev.slipway.api.rollouts.planning.RolloutSpec;
import dev.slipway.common.model.DesiredState;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans and creates bulk operations (stop, start, delete, change-plan over a selector): rollouts of
 * kind BULK, run by the same engine with the same waves, pacing, gates and failure budget. Of the
 * matched tenants, those already as asked are left out, frozen ones (and for a delete protected
 * ones) are recorded as SKIPPED with why; the rest is what the operation changes and what a {@code
 * confirm} must repeat ({@link BulkConfirmation}).
 */
@ApplicationScoped
public class BulkService {
  private final TenantSelection selection;
  private final OpsAudit audit;
  private final ApiConfig config;

  BulkService(TenantSelection selection, OpsAudit audit, ApiConfig config) {
    this.selection = selection;
    this.audit = audit;
    this.config = config;
  }

  /** Matched tenants split into those to change and those skipped (with why). */
  private record Split(List<Candidate> change, List<Candidate> skipped, List<String> why) {}

  /** A {@link RolloutView} of the created operation, or a {@link BulkDryRunView}. */
  Object create(SqlConnection c, RolloutSpec spec, Integer confirm, String actor) {
    BulkAction action = spec.target().bulkAction();
    if (spec.strategy().rollbackAll() && action == BulkAction.DELETE) {
      throw ApiException.invalidField(
          "strategy.rollbackAll",
          "a bulk delete is never undone by the engine: restore tenants one by one with"
              + " POST /v1/tenants/{slug}/restore within the grace period");
    }
    Split split = split(c, action, spec);
    int n = split.change().size();
    if (n == 0) {
      throw ApiException.invalidField(
          "selector",
          "the selector matches no tenant to "
              + action.wire()
              + ": none, or all already as asked"
              + (split.skipped().isEmpty() ? "" : ", frozen or protected (" + split.why() + ")"));
    }
    if (n > config.rollouts().maxTenants()) {
      throw ApiException.invalidField(
          "selector",
          "the selector matches "
              + n
              + " tenants, more than the "
              + config.rollouts().maxTenants()
              + " one operation may change");
    }
    long fleet =
        Tx.rows(
                c,
                "SELECT count(*) AS n FROM tenants WHERE deleted_at IS NULL"
                    + " AND desired_state <> 'DELETED'")
            .get(0)
            .getLong("n");
    var guard =
        new BulkConfirmation(
            config.rollouts().bulkConfirmAboveCount(), config.rollouts().bulkConfirmAboveShare());
    List<Integer> waveOf = RolloutService.waveOf(n, spec);
    if (spec.dryRun()) {
      if (confirm != null) {
        guard.check(action, n, fleet, confirm);
      }
      return dryRun(action, split, waveOf, spec, guard.required(action, n, fleet));
    }
    guard.check(action, n, fleet, confirm);
    return insert(c, spec, split, waveOf, actor);
  }

  private Split split(SqlConnection c, BulkAction action, RolloutSpec spec) {
    List<Candidate> matched = selection.select(c, spec.selector(), true);
    Map<UUID, String> refusal = new HashMap<>();
    Tx.rows(
            c,
            "SELECT id, frozen_reason, deletion_protection FROM tenants WHERE id = ANY($1::uuid[])",
            (Object) matched.stream().map(Candidate::id).toArray(UUID[]::new))
        .forEach(
            r -> {
              if (r.getString("frozen_reason") != null) {
                refusal.put(r.getUUID("id"), "frozen: " + r.getString("frozen_reason"));
              } else if (action == BulkAction.DELETE
                  && r.getString("deletion_protection") != null) {
                refusal.put(
                    r.getUUID("id"),
                    "protected from deletion: " + r.getString("deletion_protection"));
              }
            });
    List<Candidate> change = new ArrayList<>();
    List<Candidate> skipped = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (Candidate t : matched) {
      if (refusal.containsKey(t.id())) {
        skipped.add(t);
        why.add(refusal.get(t.id()));
      } else if (!alreadyAsAsked(action, t, spec)) {
        change.add(t);
      }
    }
    return new Split(change, skipped, why);
  }

  private static boolean alreadyAsAsked(BulkAction action, Candidate t, RolloutSpec spec) {
    return switch (action) {
      case STOP -> t.desired() == DesiredState.STOPPED;
      case START -> t.desired() == DesiredState.RUNNING;
      case CHANGE_PLAN -> t.snapshot().plan().equals(spec.target().plan());
      case DELETE -> false;
    };
  }

  private static BulkDryRunView dryRun(
      BulkAction action, Split split, List<Integer> waveOf, RolloutSpec spec, boolean required) {
    List<DryRunView.Wave> waves = new ArrayList<>();
    for (int i = 0; i < split.change().size(); i++) {
      int w = waveOf.get(i);
      if (waves.size() <= w) {
        waves.add(
            new DryRunView.Wave(w, w == 0 && spec.strategy().canary() > 0, new ArrayList<>()));
      }
      waves.get(w).tenants().add(split.change().get(i).slug());
    }
    List<BulkDryRunView.Skipped> skipped = new ArrayList<>();
    for (int i = 0; i < split.skipped().size(); i++) {
      skipped.add(new BulkDryRunView.Skipped(split.skipped().get(i).slug(), split.why().get(i)));
    }
    return new BulkDryRunView(true, action.wire(), split.change().size(), required, waves, skipped);
  }

  private RolloutView insert(
      SqlConnection c, RolloutSpec spec, Split split, List<Integer> waveOf, String actor) {
    List<UUID> ids = split.change().stream().map(Candidate::id).toList();
    RolloutRepository.holder(c, ids)
        .ifPresent(
            h -> {
              throw RolloutService.overlap(h[0], h[1]);
            });
    UUID id = UUID.randomUUID();
    RolloutRepository.insert(
        c,
        id,
        "BULK",
        RolloutJson.write(spec.target()),
        RolloutJson.write(spec.selector()),
        RolloutJson.write(spec.strategy()),
        spec.reason(),
        actor,
        null);
    RolloutService.insertTenants(c, id, ids, waveOf, snapshots(split.change()));
    if (!split.skipped().isEmpty()) {
      RolloutRepository.insertSkipped(
          c,
          id,
          split.skipped().stream().map(Candidate::id).toList(),
          split.why(),
          snapshots(split.skipped()));
    }
    audit
        .record(
            c,
            actor,
            "rollout.create",
            id.toString(),
            spec.selector(),
            spec.reason(),
            Map.of(
                "tenants", ids.size(),
                "waves", waveOf.get(waveOf.size() - 1) + 1,
                "skipped", split.skipped().size()),
            "RUNNING bulk " + spec.target().action())
        .await()
        .indefinitely();
    return RolloutView.of(
        RolloutRepository.find(c, id.toString(), false), RolloutRepository.tenants(c, id));
  }

  private static List<String> snapshots(List<Candidate> tenants) {
    return tenants.stream().map(t -> t.snapshot().toJson()).toList();
  }
}
