package dev.slipway.api.tenants;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.auth.Requester;
import dev.slipway.api.fleet.FleetVersion;
import dev.slipway.api.fleet.FleetVersions;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.api.tokens.TokenSealing;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.Slugs;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.NameCollisions;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.shared.outbox.NewCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tenant use cases. Every change of desired state is written together with its operation and its
 * outbox command in one transaction, so a command is published if and only if the change committed.
 */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class);
  private final TenantRepository tenants;
  private final TenantInserts inserts;
  private final LiveTenants liveTenants;
  private final SlugRules slugRules;
  private final PlanCatalog plans;
  private final NamespacePlacement placement;
  private final FleetConfig fleet;
  private final SlugCollisions collisions;
  private final TokenSealing sealing;
  private final FleetVersions fleetVersions;
  private final Counter created;

  TenantService(
      TenantRepository tenants,
      TenantInserts inserts,
      LiveTenants liveTenants,
      SlugRules slugRules,
      PlanCatalog plans,
      NamespacePlacement placement,
      FleetConfig fleet,
      SlugCollisions collisions,
      TokenSealing sealing,
      FleetVersions fleetVersions,
      MeterRegistry registry) {
    this.tenants = tenants;
    this.inserts = inserts;
    this.liveTenants = liveTenants;
    this.slugRules = slugRules;
    this.plans = plans;
    this.placement = placement;
    this.fleet = fleet;
    this.collisions = collisions;
    this.sealing = sealing;
    this.fleetVersions = fleetVersions;
    this.created = registry.counter(MetricNames.TENANTS_CREATED);
  }

  /**
   * Creates a tenant in the namespace {@link NamespacePlacement} chooses and queues its
   * provisioning: one statement writes the tenant, its operation and its command, so {@code client}
   * may be a transaction or the pool itself (see {@link
   * dev.slipway.api.idempotency.IdempotentTransactions#runOneStatement}). Fails with 409 when the
   * slug is taken or its objects' names would collide with a live tenant's ({@link
   * NameCollisions}). The create is recorded with {@code requester} on its operation and in the
   * audit trail. The tenant follows the fleet default version (its image unless {@code settings}
   * pins one, its gateway patch over the plan's config) and carries {@code labels} (checked).
   */
  public Uni<TenantCreated> create(
      SqlClient tx,
      String slug,
      SettingsChange settings,
      Map<String, String> labels,
      ProtectionChange protection,
      Requester requester) {
    slugRules
        .problem(slug)
        .ifPresent(
            p -> {
              throw ApiException.invalidField("slug", p);
            });
    // Checked before any database work; the fleet default's gateway patch is applied below.
    settings.forNewTenant(slug, plans, null);
    String token = Tokens.newGatewayToken();
    return fleetVersions
        .current(tx)
        .flatMap(
            version ->
                create(
                    tx,
                    slug,
                    settings.forNewTenant(
                        slug, plans, version.map(FleetVersion::gatewayConfig).orElse(null)),
                    new NewFleetFields(version.orElse(null), labels),
                    token,
                    protection,
                    requester));
  }

  /** What a new tenant takes from the fleet default (none before the bootstrap) and its labels. */
  private record NewFleetFields(FleetVersion version, Map<String, String> labels) {}

  private Uni<TenantCreated> create(
      SqlClient tx,
      String slug,
      TenantSettings chosen,
      NewFleetFields fleetFields,
      String token,
      ProtectionChange protection,
      Requester requester) {
    // The spec carries the sealed token: it is only written, and the response shows the clear one.
    return sealing
        .seal(token)
        .flatMap(
            stored ->
                placement
                    .choose(tx)
                    .flatMap(
                        namespace ->
                            insert(
                                tx,
                                new TenantSpec(
                                    UUID.randomUUID(),
                                    slug,
                                    1,
                                    DesiredState.RUNNING,
                                    chosen.sizing(),
                                    chosen.imageVersion(),
                                    chosen.gatewayConfig(),
                                    stored.text(),
                                    namespace),
                                chosen,
                                token,
                                requester,
                                protection.reason(),
                                fleetFields)));
  }

  private Uni<TenantCreated> insert(
      SqlClient tx,
      TenantSpec spec,
      TenantSettings chosen,
      String token,
      Requester requester,
      String protection,
      NewFleetFields fleetFields) {
    String slug = spec.slug();
    String gatewayUrl = "wss://" + slug + "." + fleet.domain();
    NewCommand command =
        OperationEnqueuer.requestedBy(
            NewCommand.of(spec.id(), slug, OperationType.CREATE, 1), requester);
    var create =
        new TenantInserts.NewCreate(
            command,
            OpsAudit.tenantAction("create"),
            OpsAudit.tenantOutcome(command.operationId()),
            NameCollisions.slugs(slug),
            protection,
            fleetFields.version() == null ? null : fleetFields.version().version(),
            fleetFields.version() == null ? null : fleetFields.version().imageVersion(),
            Labels.write(fleetFields.labels()));
    return inserts
        .insertWithCommand(tx, spec, gatewayUrl, create)
        .flatMap(
            created ->
                created.map(c -> Uni.createFrom().item(c)).orElseGet(() -> refusal(tx, slug)))
        .map(created -> new TenantCreated(created.tenant(), created.operation(), token))
        .invoke(
            result -> {
              created.increment();
              LOG.infof(
                  "tenant %s created: id %s, plan %s, namespace %s, operation %s",
                  slug, spec.id(), chosen.plan(), spec.namespace(), result.operation().id());
            });
  }

  /**
   * A 404 for a path slug that cannot name a tenant, before it reaches the database or the
   * idempotency store (PostgreSQL refuses text with NUL characters, which would be a 500).
   */
  public static void requireSlugShape(String slug) {
    if (!Slugs.isValid(slug)) {
      throw unknown(slug);
    }
  }

  public Uni<TenantRow> get(String slug) {
    if (!Slugs.isValid(slug)) {
      // An invalid slug can never name a tenant; answer as for any unknown tenant.
      return Uni.createFrom().failure(unknown(slug));
    }
    return tenants.findBySlug(slug).map(row -> row.orElseThrow(() -> unknown(slug)));
  }

  static ApiException unknown(String slug) {
    return ApiException.notFound("tenant '" + slug + "'");
  }

  /** Why nothing was inserted: the slug is taken, or a live tenant's objects collide. */
  private Uni<TenantInserts.Created> refusal(SqlClient tx, String slug) {
    return liveTenants
        .liveSlugsAmong(tx, List.of(slug))
        .call(
            live -> live.isEmpty() ? collisions.requireNone(tx, slug) : Uni.createFrom().voidItem())
        .map(
            live -> {
              // Taken, or the colliding tenant was deleted since: the client may simply retry.
              throw slugTaken(slug);
            });
  }

  private static ApiException slugTaken(String slug) {
    return ApiException.conflict("a tenant with slug '" + slug + "' already exists");
  }
}
