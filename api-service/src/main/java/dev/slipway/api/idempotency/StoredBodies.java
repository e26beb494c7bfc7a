package dev.slipway.api.idempotency;

import dev.slipway.api.tokens.TokenSealing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stored response bodies at rest: one that carries a gateway token (a create's or a rotation's) is
 * sealed like the token itself, any other is stored as it is. Decided by the body, not by the call
 * site, so no new endpoint that returns a token can forget it.
 */
@ApplicationScoped
public class StoredBodies {
  /** How every response that shows a token names it (TenantCreatedView, TenantChangedView). */
  static final String TOKEN_FIELD = "\"gatewayToken\":\"";

  private final TokenSealing sealing;

  StoredBodies(TokenSealing sealing) {
    this.sealing = sealing;
  }

  /** Whether a body in clear holds a token: such a body is never stored in clear. */
  public static boolean carriesToken(String body) {
    return body != null && body.contains(TOKEN_FIELD);
  }

  /** The body to store and the KEK it is sealed under (null: stored in clear). */
  Uni<TokenSealing.Sealed> toStore(String body) {
    return carriesToken(body)
        ? sealing.seal(body)
        : Uni.createFrom().item(new TokenSealing.Sealed(body, null));
  }

  /** The body to replay from what was stored. */
  Uni<String> fromStore(String stored, String keyId) {
    return keyId == null ? Uni.createFrom().item(stored) : sealing.open(stored);
  }
}
