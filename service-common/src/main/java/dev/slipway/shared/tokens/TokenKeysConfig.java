package dev.slipway.shared.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How gateway tokens are encrypted at rest; the same keys in every service that reads or writes a
 * token (api-service, provisioner-worker, reconciler-job).
 */
@ConfigMapping(prefix = "slipway.tokens")
public interface TokenKeysConfig {
  /**
   * Where the key-encryption key lives: {@code kms} in production, {@code local} elsewhere. Unset:
   * {@code local} when {@link #localKeyFile()} is set (the local stack sets only that), else {@code
   * kms}.
   */
  Optional<Provider> keyProvider();

  /**
   * The local key file (key-provider=local): base64 keys, one a line, current first. The local
   * stack writes {@code .slipway/token-kek.key} once.
   */
  Optional<Path> localKeyFile();

  /**
   * Create the local key file with a fresh key when it is missing (dev and test only: a lost key
   * file makes every stored token unreadable).
   */
  @WithDefault("false")
  boolean createLocalKeyFile();

  /**
   * The KMS key (id, ARN or alias) data keys are wrapped under (key-provider=kms). No default:
   * required in production. Region and credentials come from {@code quarkus.kms.*} and the usual
   * AWS chain (IRSA on EKS).
   */
  Optional<String> kmsKeyId();

  /**
   * How often the API's token-key job looks for tokens not yet sealed under the current KEK (rows
   * from before issue 22); api-service only. Rotation itself runs on request.
   */
  @WithDefault("1m")
  java.time.Duration migrateInterval();

  /** The provider in effect. */
  default Provider provider() {
    return keyProvider().orElse(localKeyFile().isPresent() ? Provider.local : Provider.kms);
  }

  /** Key providers. */
  enum Provider {
    local,
    kms
  }
}
