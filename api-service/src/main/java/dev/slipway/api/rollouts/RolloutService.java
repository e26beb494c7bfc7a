package dev.slipway.api.rollouts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.fleet.FleetVersions;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.idempotency.StoredResponse;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.rollouts.planning.DiffSummary;
import dev.slipway.api.rollouts.planning.RequestCheck;
import dev.slipway.api.rollouts.planning.RolloutRequest;
import dev.slipway.api.rollouts.planning.RolloutSpec;
import dev.slipway.api.rollouts.planning.WavePlan;
import dev.slipway.shared.fleet.FleetConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans and creates rollouts (or answers a dry run without writing anything). The engine ({@code
 * rollouts.engine}) then runs them from the rows written here.
 */
@ApplicationScoped
public class RolloutService {
  private final Pool pool;
  private final RequestCheck check;
  private final TenantSelection selection;
  private final PlanCatalog plans;
  private final FleetConfig fleet;
  private final OpsAudit audit;
  private final ApiConfig config;
  private final FleetVersions fleetVersions;
  private final BulkService bulk;
  private final IdempotentTransactions idempotency;
  private final MutationResponses responses;

  private static final ObjectMapper JSON = new ObjectMapper();

  RolloutService(
      Pool pool,
      RequestCheck check,
      TenantSelection selection,
      PlanCatalog plans,
      FleetConfig fleet,
      OpsAudit audit,
      ApiConfig config,
      FleetVersions fleetVersions,
      BulkService bulk,
      IdempotentTransactions idempotency,
      MutationResponses responses) {
    this.pool = pool;
    this.bulk = bulk;
    this.idempotency = idempotency;
    this.responses = responses;
    this.fleetVersions = fleetVersions;
    this.check = check;
    this.selection = selection;
    this.plans = plans;
    this.fleet = fleet;
    this.audit = audit;
    this.config = config;
  }

  /**
   * The response to {@code POST /v1/rollouts}: 202 with the created rollout or bulk operation and
   * its Location, or 200 with a dry run. Under an Idempotency-Key ({@code key} not null) the
   * response is stored in the creating transaction and a retry replays it.
   */
  public StoredResponse create(RolloutRequest request, String actor, IdempotencyKey key) {
    RolloutSpec spec = check.check(request);
    return Tx.run(
        pool,
        c ->
            idempotency.inTransaction(
                c,
                key,
                () -> {
                  Object result =
                      spec.target().action() != null
                          ? bulk.create(c, spec, request.confirm(), actor)
                          : create(c, spec, actor);
                  if (result instanceof RolloutView view) {
                    // Relative, as every other Location of this API (StoredResponse).
                    return StoredResponse.of(
                        202, responses.write(view), "/v1/rollouts/" + view.id(), null);
                  }
                  return StoredResponse.of(200, responses.write(result), null, null);
                }));
  }

  /** A {@link RolloutView} of the created rollout, or a {@link DryRunView}. */
  private Object create(SqlConnection c, RolloutSpec spec, String actor) {
    List<Candidate> selected = selection.select(c, spec.selector());
    if (selected.size() > config.rollouts().maxTenants()) {
      throw ApiException.invalidField(
          "selector",
          "the selector matches "
              + selected.size()
              + " tenants, more than the "
              + config.rollouts().maxTenants()
              + " one rollout may change");
    }
    List<Integer> waveOf = waveOf(selected.size(), spec);
    return spec.dryRun()
        ? dryRun(selected, waveOf, spec)
        : insert(c, selected, waveOf, spec, actor);
  }

  static List<Integer> waveOf(int n, RolloutSpec spec) {
    List<Integer> sizes = WavePlan.sizes(n, spec.strategy().canary(), spec.strategy().waves());
    List<Integer> waveOf = new ArrayList<>(n);
    for (int w = 0; w < sizes.size(); w++) {
      for (int i = 0; i < sizes.get(w); i++) {
        waveOf.add(w);
      }
    }
    return waveOf;
  }

  private DryRunView dryRun(List<Candidate> selected, List<Integer> waveOf, RolloutSpec spec) {
    var target = spec.target();
    var plan = target.plan() == null ? null : plans.require(target.plan());
    List<DryRunView.Wave> waves = new ArrayList<>();
    List<DiffSummary.Planned> planned = new ArrayList<>(selected.size());
    for (int i = 0; i < selected.size(); i++) {
      Candidate t = selected.get(i);
      int w = waveOf.get(i);
      if (waves.size() <= w) {
        waves.add(
            new DryRunView.Wave(w, w == 0 && spec.strategy().canary() > 0, new ArrayList<>()));
      }
      waves.get(w).tenants().add(t.slug());
      String image =
          target.imageVersion() != null ? target.imageVersion() : t.snapshot().fleetImageVersion();
      var after = target.apply(t.snapshot(), null, image, plan, t.project());
      planned.add(new DiffSummary.Planned(t.forDiff(), t.snapshot(), after));
    }
    return new DryRunView(
        true, selected.size(), waves, DiffSummary.of(planned, fleet.renderSettings()));
  }

  private RolloutView insert(
      SqlConnection c,
      List<Candidate> selected,
      List<Integer> waveOf,
      RolloutSpec spec,
      String actor) {
    List<UUID> ids = selected.stream().map(Candidate::id).toList();
    RolloutRepository.holder(c, ids)
        .ifPresent(
            h -> {
              throw overlap(h[0], h[1]);
            });
    UUID id = UUID.randomUUID();
    Integer version = null;
    if (spec.target().movesFleet()) {
      var patch = spec.target().gatewayConfig();
      version =
          fleetVersions
              .create(
                  c,
                  spec.target().imageVersion(),
                  patch == null ? null : JSON.valueToTree(patch),
                  spec.reason(),
                  actor,
                  id)
              .await()
              .indefinitely()
              .version();
    }
    RolloutRepository.insert(c, id, "ROLLOUT", spec, actor, version);
    insertTenants(c, id, ids, waveOf, selected.stream().map(t -> t.snapshot().toJson()).toList());
    audit
        .record(
            c,
            actor,
            "rollout.create",
            id.toString(),
            spec.selector(),
            spec.reason(),
            Map.of("tenants", selected.size(), "waves", waveOf.get(waveOf.size() - 1) + 1),
            "RUNNING")
        .await()
        .indefinitely();
    // Every tenant of a new rollout is PENDING: the view is built from the selection (slug order,
    // waves ascending, the order tenants() reads) rather than read back, 10,000 rows at most.
    List<RolloutRepository.TenantState> tenants = new ArrayList<>(selected.size());
    for (int i = 0; i < selected.size(); i++) {
      tenants.add(
          new RolloutRepository.TenantState(
              waveOf.get(i), selected.get(i).slug(), "PENDING", null));
    }
    return RolloutView.of(RolloutRepository.find(c, id.toString(), false), tenants);
  }

  /** {@link RolloutRepository#insertTenants}, a lost race for a tenant answered with a 409. */
  static void insertTenants(
      SqlConnection c, UUID id, List<UUID> ids, List<Integer> waveOf, List<String> before) {
    try {
      RolloutRepository.insertTenants(c, id, ids, waveOf, before);
    } catch (PgException e) {
      if ("23505".equals(e.getSqlState())) {
        throw ApiException.conflict(
            "a tenant of this selection was just taken by another active rollout; list"
                + " GET /v1/rollouts?status=RUNNING and retry once it ends");
      }
      throw e;
    }
  }

  static ApiException overlap(String rollout, String slug) {
    return ApiException.conflict(
        "tenant '"
            + slug
            + "' is in active rollout "
            + rollout
            + "; only one rollout may change a tenant at a time (wait for it, or abort it)");
  }
}
