package dev.slipway.api.tokens;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import dev.slipway.shared.tokens.TokenCryptoException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Key rotation for stored gateway tokens (docs/runbooks.md, "Rotating the token key"). A rotate
 * call re-wraps data keys for up to {@link #BUDGET} and reports what is left; calling it again
 * resumes where it stopped (each row records its KEK). Every call is audited.
 */
@Tag(name = ApiDefinition.TOKEN_KEYS)
@Path("/v1/ops/token-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class TokenKeysResource {
  /** Keeps a call well inside load balancer and client timeouts; the next call continues. */
  static final Duration BUDGET = Duration.ofSeconds(20);

  private final TokenKeyJob job;
  private final OpsAudit audit;
  private final SecurityIdentity caller;

  TokenKeysResource(TokenKeyJob job, OpsAudit audit, SecurityIdentity caller) {
    this.job = job;
    this.audit = audit;
    this.caller = caller;
  }

  /**
   * @param reason why, kept in the audit trail
   */
  public record RotateRequest(
      @NotBlank(message = OpsAudit.REASON_REQUIRED)
          @Size(max = OpsAudit.MAX_REASON, message = OpsAudit.REASON_TOO_LONG)
          String reason) {}

  /** The current KEK and how many stored secrets are not yet under it. Changes nothing. */
  @GET
  @Operation(
      operationId = "getTokenKeyStatus",
      summary = "Get the token key's status",
      description =
          "The current key and how many stored secrets are not yet under it. Changes nothing.")
  public Uni<ProgressView> status() {
    return job.remaining().map(ProgressView::of);
  }

  @POST
  @Path("/rotate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rotateTokenKey",
      summary = "Rotate the token key",
      description =
          "Re-encrypts stored gateway tokens under the current key, for at most about 20 seconds a call; call again until done.")
  public Uni<ProgressView> rotate(@Valid RotateRequest request) {
    String reason = OpsAudit.requireReason(request == null ? null : request.reason());
    return job.run(true, BUDGET)
        .onFailure(TokenCryptoException.class)
        .transform(e -> ApiException.conflict("rotation stopped: " + e.getMessage()))
        .call(
            p ->
                audit.recordStored(
                    null,
                    caller.getPrincipal().getName(),
                    "rotate_token_key",
                    p.keyId(),
                    null,
                    reason,
                    Map.of(
                        "tenants", p.tenants(),
                        "storedResponses", p.bodies(),
                        "tenantsLeft", p.tenantsLeft(),
                        "storedResponsesLeft", p.bodiesLeft()),
                    p.done() ? "done" : "more_left"))
        .map(ProgressView::of);
  }

  /** What a rotation did ({@code rewrapped}) and has left ({@code remaining}; done at 0). */
  public record ProgressView(
      String keyId, Map<String, Long> rewrapped, Map<String, Long> remaining, boolean done) {
    static ProgressView of(TokenKeyJob.Progress p) {
      return new ProgressView(
          p.keyId(),
          Map.of("tenants", p.tenants(), "storedResponses", p.bodies()),
          Map.of("tenants", p.tenantsLeft(), "storedResponses", p.bodiesLeft()),
          p.done());
    }
  }
}
