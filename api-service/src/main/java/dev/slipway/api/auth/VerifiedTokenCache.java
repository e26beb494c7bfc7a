package dev.slipway.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.slipway.api.config.ApiConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies bearer tokens once per token instead of once per request. The signature check and the
 * parse of the claims were about a fifth of the API's request threads under load (P1 in
 * docs/benchmarks.md), and a client sends the same token for many requests.
 *
 * <p>Only tokens that passed verification are kept, keyed by the whole compact token: another
 * token, however similar, is verified in full. An entry is trusted until the token's own {@code
 * exp} or {@code ttl}, whichever comes first, and only for the verification settings it was checked
 * with. Replaces smallrye-jwt's factory (the extension point Quarkus documents for this).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {
  private final JWTCallerPrincipalFactory verifier;
  private final Cache<String, Verified> verified;
  private final Duration ttl;
  private final boolean enabled;
  private final Clock clock;

  private record Verified(
      JWTCallerPrincipal principal, JWTAuthContextInfo settings, Instant until) {}

  @Inject
  VerifiedTokenCache(ApiConfig config) {
    this(
        new DefaultJWTCallerPrincipalFactory(),
        config.tokenCache().maxTokens(),
        config.tokenCache().ttl(),
        Clock.systemUTC());
  }

  VerifiedTokenCache(JWTCallerPrincipalFactory verifier, int maxTokens, Duration ttl, Clock clock) {
    this.verifier = verifier;
    this.verified = Caffeine.newBuilder().maximumSize(Math.max(maxTokens, 0)).build();
    this.ttl = ttl;
    this.enabled = maxTokens > 0;
    this.clock = clock;
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
    if (!enabled) {
      return verifier.parse(token, settings);
    }
    Instant now = clock.instant();
    Verified hit = verified.getIfPresent(token);
    if (hit != null && hit.settings() == settings && now.isBefore(hit.until())) {
      return hit.principal();
    }
    JWTCallerPrincipal principal = verifier.parse(token, settings); // throws unless valid
    verified.put(token, new Verified(principal, settings, until(principal, now)));
    return principal;
  }

  /** Tokens held now (tests: the API really goes through this factory). */
  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private Instant until(JWTCallerPrincipal principal, Instant now) {
    Instant byTtl = now.plus(ttl);
    long exp = principal.getExpirationTime(); // seconds; 0 when the token has none
    return exp > 0 && Instant.ofEpochSecond(exp).isBefore(byTtl)
        ? Instant.ofEpochSecond(exp)
        : byTtl;
  }
}
