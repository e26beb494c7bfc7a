package dev.slipway.shared.tokens;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import software.amazon.awssdk.services.kms.KmsClient;

/** The one {@link TokenCipher} of a service, over the key provider its configuration names. */
@ApplicationScoped
public class TokenCipherProducer {

  @Produces
  @ApplicationScoped
  TokenCipher tokenCipher(TokenKeysConfig config, Instance<KmsClient> kms) {
    return new TokenCipher(provider(config, kms));
  }

  /**
   * Builds the cipher at start, so a service missing its key configuration (no KMS key id, no key
   * file) fails to start instead of at its first token.
   */
  void validateAtStart(@Observes StartupEvent start, TokenCipher cipher) {
    cipher.currentKeyId();
  }

  static KeyProvider provider(TokenKeysConfig config, Instance<KmsClient> kms) {
    return switch (config.provider()) {
      case local -> {
        Path file =
            config
                .localKeyFile()
                .orElseThrow(
                    () ->
                        new TokenCryptoException(
                            "slipway.tokens.local-key-file is required with key-provider=local"));
        if (config.createLocalKeyFile()) {
          LocalKeyFile.createIfMissing(file);
        }
        yield new LocalKeyProvider(LocalKeyFile.read(file));
      }
      // Looked up only here, so a service on the local provider never builds a KMS client.
      case kms -> new KmsKeyProvider(kms.get(), config.kmsKeyId().orElse(null));
    };
  }
}
