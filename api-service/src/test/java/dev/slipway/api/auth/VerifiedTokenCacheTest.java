package dev.slipway.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real tokens signed with the test key, verified by smallrye-jwt's own factory behind the cache.
 */
class VerifiedTokenCacheTest {
  private static final String ISSUER = "https://slipway.dev";
  private final AtomicInteger verifications = new AtomicInteger();
  private final JWTCallerPrincipalFactory counting =
      new JWTCallerPrincipalFactory() {
        private final JWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings)
            throws ParseException {
          verifications.incrementAndGet();
          return real.parse(token, settings);
        }
      };
  private JWTAuthContextInfo settings;
  private PrivateKey signingKey;
  private MutableClock clock;

  @BeforeEach
  void setUp() throws Exception {
    settings = new JWTAuthContextInfo(KeyUtils.readPublicKey("jwt/test-public.pem"), ISSUER);
    signingKey = KeyUtils.readPrivateKey("jwt/test-private.pem");
    clock = new MutableClock(Instant.now());
  }

  @Test
  void aTokenIsVerifiedOnceWhileTrusted() throws Exception {
    var cache = cache(100, Duration.ofSeconds(60));
    String token = token(Duration.ofHours(1), signingKey);

    JWTCallerPrincipal first = cache.parse(token, settings);
    clock.advance(Duration.ofSeconds(59));
    assertSame(first, cache.parse(token, settings));
    assertEquals(1, verifications.get());

    clock.advance(Duration.ofSeconds(2)); // past the ttl
    cache.parse(token, settings);
    assertEquals(2, verifications.get());
  }

  @Test
  void trustEndsAtTheTokensOwnExpiryWhenThatComesFirst() throws Exception {
    var cache = cache(100, Duration.ofSeconds(60));
    String token = token(Duration.ofSeconds(30), signingKey);
    cache.parse(token, settings);
    clock.advance(Duration.ofSeconds(31));
    cache.parse(token, settings);
    assertEquals(2, verifications.get());
  }

  @Test
  void aTokenThatFailsIsNeverKept() throws Exception {
    var cache = cache(100, Duration.ofSeconds(60));
    var other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    String forged = token(Duration.ofHours(1), other.generateKeyPair().getPrivate());

    assertThrows(ParseException.class, () -> cache.parse(forged, settings));
    assertThrows(ParseException.class, () -> cache.parse(forged, settings));
    assertEquals(2, verifications.get());
    assertEquals(0, cache.size());
  }

  @Test
  void otherVerificationSettingsVerifyAgain() throws Exception {
    var cache = cache(100, Duration.ofSeconds(60));
    String token = token(Duration.ofHours(1), signingKey);
    cache.parse(token, settings);
    var stricter = new JWTAuthContextInfo(settings.getPublicVerificationKey(), ISSUER);
    cache.parse(token, stricter);
    assertEquals(2, verifications.get());
  }

  @Test
  void sizeZeroVerifiesEveryRequest() throws Exception {
    var cache = cache(0, Duration.ofSeconds(60));
    String token = token(Duration.ofHours(1), signingKey);
    cache.parse(token, settings);
    cache.parse(token, settings);
    assertEquals(2, verifications.get());
  }

  private VerifiedTokenCache cache(int maxTokens, Duration ttl) {
    return new VerifiedTokenCache(counting, maxTokens, ttl, clock);
  }

  private static String token(Duration lifetime, PrivateKey key) {
    return Jwt.issuer(ISSUER)
        .subject("client")
        .groups("admin")
        .expiresAt(Instant.now().plus(lifetime))
        .sign(key);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
