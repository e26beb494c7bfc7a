package dev.slipway.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * All configuration of the api-service, under {@code slipway.api}. The tenant fleet (the namespaces
 * new tenants are placed in, the domain of their gateways) is the shared {@link
 * dev.slipway.shared.fleet.FleetConfig}, the worker's and the reconciler's own.
 */
@ConfigMapping(prefix = "slipway.api")
public interface ApiConfig {

  /** URL of the SQS FIFO command queue the outbox relay publishes to. */
  String queueUrl();

  /**
   * How long the count of live tenants per namespace ({@code slipway.fleet.namespaces}), by which
   * new tenants are placed, is reused before it is read again; meanwhile each API process adds its
   * own creates to it. Not read at all while only one namespace is configured.
   */
  @WithDefault("30s")
  java.time.Duration namespaceCountsRefresh();

  /**
   * Slugs no tenant may take: they would shadow host names the platform itself serves under the
   * tenant domain. Compared case-insensitively.
   */
  @WithDefault(
      "api,www,admin,app,auth,login,mail,smtp,ftp,status,docs,help,ops,grafana,prometheus,slipway")
  java.util.List<String> reservedSlugs();

  /** How often the tenants-per-phase gauges are refreshed from the database. */
  @WithDefault("30s")
  java.time.Duration phaseMetricsInterval();

  /**
   * Writes one API process runs at once (all callers together). One more answers 503 with
   * Retry-After at once instead of queueing for a database connection until the client times out.
   * Keep it a small multiple of {@code quarkus.datasource.reactive.max-size}; 0 turns it off.
   */
  @WithDefault("100")
  int maxConcurrentWrites();

  /** Largest request body accepted, in bytes; larger ones answer 413 before being read. */
  @WithDefault("65536")
  long maxBodyBytes();

  /** Plan a tenant gets when its create request names none; must be in {@link #plans()}. */
  @WithDefault("small")
  String defaultPlan();

  /**
   * The plan catalogue by name ({@code slipway.api.plans.<name>.*}), listed by {@code GET
   * /v1/plans}. The shipped catalogue (small, standard, large) is set in application.properties; a
   * deployment replaces or extends it there or through the environment. A tenant keeps a copy of
   * its plan's values, so editing a plan resizes nobody until the tenant is updated.
   */
  Map<String, PlanConfig> plans();

  /** The outbox relay that publishes committed commands to the queue. */
  OutboxConfig outbox();

  /** Idempotency-Key handling of mutating requests. */
  IdempotencyConfig idempotency();

  /** Verified bearer tokens reused within their lifetime. */
  TokenCacheConfig tokenCache();

  /** Per-caller limit on writes (POST, PATCH, DELETE); excess answers 429 with Retry-After. */
  RateLimitConfig rateLimit();

  /** Capacity and cost estimate of the fleet ({@code GET /v1/ops/capacity}). */
  CapacityConfig capacity();

  /** Dead-letter operations under {@code /v1/ops}: listing, replay and purge jobs, audit. */
  OpsConfig ops();

  /** Tenant lifecycle safety: the soft-delete grace period and the purge sweep. */
  LifecycleConfig lifecycle();

  /** Fleet rollouts: the engine's pace and the defaults of a rollout's strategy. */
  RolloutConfig rollouts();
}
