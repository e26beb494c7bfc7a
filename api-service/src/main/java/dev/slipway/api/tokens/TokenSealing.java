package dev.slipway.api.tokens;

import dev.slipway.shared.tokens.TokenCipher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The API's access to the {@link TokenCipher}, off the event loop: with the KMS provider every seal
 * and open is a network call, which must never block a Vert.x event-loop thread. The result comes
 * back on the caller's context, so a transaction's next statement runs where it would have.
 */
@ApplicationScoped
public class TokenSealing {
  private final TokenCipher cipher;
  private final Vertx vertx;

  TokenSealing(TokenCipher cipher, Vertx vertx) {
    this.cipher = cipher;
    this.vertx = vertx;
  }

  /** A secret sealed under the current KEK, and that KEK's id (stored beside it). */
  public record Sealed(String text, String keyId) {
    @Override
    public String toString() {
      return "Sealed[keyId=" + keyId + "]";
    }
  }

  public Uni<Sealed> seal(String secret) {
    return blocking(
        () -> {
          String text = cipher.seal(secret);
          return new Sealed(text, TokenCipher.keyIdOf(text));
        });
  }

  public Uni<String> open(String sealedText) {
    return blocking(() -> cipher.open(sealedText));
  }

  public String currentKeyId() {
    return cipher.currentKeyId();
  }

  TokenCipher cipher() {
    return cipher;
  }

  private <T> Uni<T> blocking(Supplier<T> work) {
    return vertx.executeBlocking(Uni.createFrom().item(work), false);
  }
}
