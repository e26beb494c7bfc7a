package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.Preconditions;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.ratelimit.WriteRateLimiter;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * The path every write to one tenant takes: the caller's rate limit, the slug's shape, the If-Match
 * precondition, the Idempotency-Key over {@code keyed}, then the change in one transaction with the
 * response stored beside it (or, for a retried key, the stored response once the caller's access to
 * the tenant is checked again).
 */
@ApplicationScoped
class TenantWrites {
  private final IdempotentTransactions mutations;
  private final TenantResponses responses;
  private final SecurityIdentity caller;
  private final WriteRateLimiter limiter;
  private final TenantScope scope;
  private final TenantService tenants;

  TenantWrites(
      IdempotentTransactions mutations,
      TenantResponses responses,
      SecurityIdentity caller,
      WriteRateLimiter limiter,
      TenantScope scope,
      TenantService tenants) {
    this.mutations = mutations;
    this.responses = responses;
    this.caller = caller;
    this.limiter = limiter;
    this.scope = scope;
    this.tenants = tenants;
  }

  /** Who asks: recorded on the write's operation and in the audit trail. */
  Requester requester() {
    return Requester.of(caller);
  }

  Uni<Response> mutate(
      String slug,
      String ifMatch,
      String idempotencyKey,
      String method,
      String suffix,
      Object keyed,
      BiFunction<SqlClient, OptionalLong, Uni<TenantChanged>> change) {
    limiter.admit(caller.getPrincipal().getName());
    TenantService.requireSlugShape(slug);
    OptionalLong generation = Preconditions.ifMatch(ifMatch);
    var key = responses.key(caller, idempotencyKey, method, "/v1/tenants/" + slug + suffix, keyed);
    return mutations
        .run(
            key,
            tx ->
                change
                    .apply(tx, generation)
                    .map(c -> responses.changed(c, scope.seesFailureDetail())),
            // A replay is served only while the caller may still see the tenant.
            tx -> tenants.get(slug).map(scope::check).replaceWithVoid())
        .map(MutationResponses::toResponse);
  }
}
