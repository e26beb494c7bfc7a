package dev.slipway.api.service;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.outbox.OutboxRelay;
import dev.slipway.api.repository.OperationRepository;
import dev.slipway.api.repository.OutboxRepository;
import dev.slipway.api.repository.TenantRepository;
import dev.slipway.api.repository.TenantRow;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.Slugs;
import dev.slipway.common.model.TenantSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant use cases. Every change of desired state is written together with its operation and its
 * outbox command in one transaction, so a command is published if and only if the change committed.
 */
@ApplicationScoped
public class TenantService {
  private final Pool pool;
  private final TenantRepository tenants;
  private final OperationRepository operations;
  private final OutboxRepository outbox;
  private final OutboxRelay relay;
  private final ApiConfig config;
  private final Counter created;

  TenantService(
      Pool pool,
      TenantRepository tenants,
      OperationRepository operations,
      OutboxRepository outbox,
      OutboxRelay relay,
      ApiConfig config,
      MeterRegistry registry) {
    this.pool = pool;
    this.tenants = tenants;
    this.operations = operations;
    this.outbox = outbox;
    this.relay = relay;
    this.config = config;
    this.created = registry.counter(MetricNames.TENANTS_CREATED);
  }

  /** Creates a tenant and queues its provisioning. Fails with 409 when the slug is taken. */
  public Uni<TenantCreated> create(String slug) {
    Slugs.problem(slug)
        .ifPresent(
            p -> {
              throw ApiException.validation(p);
            });
    String token = Tokens.newGatewayToken();
    TenantSpec spec =
        new TenantSpec(
            UUID.randomUUID(), slug, 1, DesiredState.RUNNING, config.defaultReplicas(), token);
    UUID operationId = UUID.randomUUID();
    String body =
        CommandCodec.encode(
            CommandEnvelope.of(
                operationId, OperationType.CREATE, spec.id(), slug, 1, Instant.now(), Map.of()));
    String gatewayUrl = "wss://" + slug + "." + config.domain();
    return pool.withTransaction(
            tx ->
                tenants
                    .insert(tx, spec, gatewayUrl)
                    .map(row -> row.orElseThrow(() -> slugTaken(slug)))
                    .flatMap(
                        row ->
                            operations
                                .insert(tx, operationId, spec.id(), OperationType.CREATE, 1)
                                .call(() -> outbox.insert(tx, operationId, spec.id(), body))
                                .map(op -> new TenantCreated(row, op, token))))
        .invoke(
            () -> {
              created.increment();
              relay.wakeUp();
            });
  }

  public Uni<TenantRow> get(String slug) {
    if (!Slugs.isValid(slug)) {
      // An invalid slug can never name a tenant; answer as for any unknown tenant.
      return Uni.createFrom().failure(ApiException.notFound("tenant '" + slug + "'"));
    }
    return tenants
        .findBySlug(slug)
        .map(row -> row.orElseThrow(() -> ApiException.notFound("tenant '" + slug + "'")));
  }

  private static ApiException slugTaken(String slug) {
    return ApiException.conflict("a tenant with slug '" + slug + "' already exists");
  }
}
