package dev.slipway.reconciler;

import static org.awaitility.Awaitility.await;

import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantJson;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Test tenants on both sides: rows in the real database, objects in the emulator applied the way
 * the worker applies them (rendered by {@link TenantRenderer}, server-side apply).
 */
public final class Fleet {
  public static final String DOMAIN = "example.com";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Pool pool;
  private final KubernetesClient kube;
  private final FleetConfig config;

  public Fleet(Pool pool, KubernetesClient kube, FleetConfig config) {
    this.pool = pool;
    this.kube = kube;
    this.config = config;
  }

  public static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static TenantSpec spec(String slug, DesiredState state, boolean autoscaled) {
    Sizing sizing =
        new Sizing(
            autoscaled ? "large" : "small",
            1,
            Resources.seedDefault(),
            autoscaled ? new Autoscaling(2, 4, 70) : null);
    return new TenantSpec(
        UUID.randomUUID(),
        slug,
        1,
        state,
        sizing,
        null,
        GatewayConfig.defaults(slug),
        "tok-" + slug);
  }

  /**
   * Inserts the tenant with the given observed phase, generation 1 already applied, in its own
   * namespace or, when it names none, the default (the column's default, as for rows from before
   * namespace sharding).
   */
  public TenantSpec insert(TenantSpec spec, Phase phase) {
    pool.preparedQuery(INSERT).execute(row(spec, phase)).await().atMost(TIMEOUT);
    return spec;
  }

  /** {@link #insert} of many tenants in one batch (a benchmark's fleet). */
  public void insertAll(List<TenantSpec> specs, Phase phase) {
    pool.preparedQuery(INSERT)
        .executeBatch(specs.stream().map(s -> row(s, phase)).toList())
        .await()
        .atMost(TIMEOUT.multipliedBy(6));
  }

  private static final String INSERT =
      "INSERT INTO tenants (id, slug, desired_state, gateway_token, gateway_url, sizing,"
          + " gateway_config, phase, observed_generation, generation, namespace)"
          + " VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8, 1, 1,"
          + " coalesce($9, 'tenants'))";

  private static Tuple row(TenantSpec spec, Phase phase) {
    return Tuple.from(
        new Object[] {
          spec.id(),
          spec.slug(),
          spec.desiredState().name(),
          spec.gatewayToken(),
          TenantRenderer.gatewayUrl(spec.slug(), DOMAIN),
          TenantJson.write(spec.sizing()),
          TenantJson.write(spec.gatewayConfig()),
          phase.name(),
          spec.namespace()
        });
  }

  public DesiredObjects desired(TenantSpec spec) {
    return TenantRenderer.render(spec, config.renderSettings());
  }

  /** The namespace the tenant's objects are rendered into. */
  public String namespaceOf(TenantSpec spec) {
    return config.renderSettings().namespaceOf(spec);
  }

  /** What the worker does for any command: apply the desired objects, delete what must not be. */
  public void converge(TenantSpec spec) {
    DesiredObjects desired = desired(spec);
    if (spec.desiredState() == DesiredState.DELETED) {
      desired.inDeleteOrder().forEach(o -> kube.resource(o).delete());
      return;
    }
    desired.inApplyOrder().forEach(this::apply);
    desired.absent().forEach(o -> kube.resource(o).delete());
  }

  /**
   * Waits until the emulated controller has exactly the Deployment's replicas as pods, all ready: a
   * pass before that would rightly see pods starting.
   */
  public void awaitPodsSettled(TenantSpec spec) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              String namespace = namespaceOf(spec);
              var deployment =
                  kube.apps().deployments().inNamespace(namespace).withName(spec.slug()).get();
              Integer replicas = deployment == null ? null : deployment.getSpec().getReplicas();
              int want = deployment == null ? 0 : replicas == null ? 1 : replicas;
              var pods =
                  kube.pods()
                      .inNamespace(namespace)
                      .withLabel("tenant", spec.slug())
                      .list()
                      .getItems();
              return pods.size() == want && pods.stream().allMatch(Fleet::ready);
            });
  }

  public static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public void apply(HasMetadata object) {
    kube.resource(object)
        .fieldManager(GatewayDefaults.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  public void execute(String sql, Object... args) {
    pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(TIMEOUT);
  }

  public long count(String sql, Object... args) {
    return pool.preparedQuery(sql)
        .execute(Tuple.from(args))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getLong(0);
  }

  public String text(String sql, Object... args) {
    return pool.preparedQuery(sql)
        .execute(Tuple.from(args))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getString(0);
  }
}
