package dev.slipway.shared.tokens;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;

/**
 * AWS KMS as KEK: a data key is wrapped with KMS {@code Encrypt} under the configured key and
 * unwrapped with {@code Decrypt}, naming the key it was wrapped under (KMS refuses to use another).
 * The key id stored with each value is the one configured, so switching {@code
 * slipway.tokens.kms-key-id} to a new key and rotating re-wraps everything under it; the old key
 * must stay enabled until rotation reports nothing left.
 */
public class KmsKeyProvider implements KeyProvider {
  /** Encryption context: KMS binds it to the ciphertext and logs it in CloudTrail. */
  static final Map<String, String> CONTEXT = Map.of("slipway:purpose", "gateway-token-data-key");

  private final KmsClient kms;
  private final String keyId;

  public KmsKeyProvider(KmsClient kms, String keyId) {
    if (keyId == null || keyId.isBlank()) {
      throw new TokenCryptoException("slipway.tokens.kms-key-id is required with key-provider=kms");
    }
    this.kms = kms;
    this.keyId = keyId;
  }

  @Override
  public String currentKeyId() {
    return keyId;
  }

  @Override
  public WrappedKey wrap(byte[] dataKey) {
    try {
      var response =
          kms.encrypt(
              EncryptRequest.builder()
                  .keyId(keyId)
                  .plaintext(SdkBytes.fromByteArray(dataKey))
                  .encryptionContext(CONTEXT)
                  .build());
      return new WrappedKey(keyId, response.ciphertextBlob().asByteArray());
    } catch (SdkException e) {
      throw new TokenCryptoException("KMS Encrypt under " + keyId + " failed", e);
    }
  }

  @Override
  public byte[] unwrap(String wrappedUnder, byte[] wrapped) {
    try {
      return kms.decrypt(
              DecryptRequest.builder()
                  .keyId(wrappedUnder)
                  .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                  .encryptionContext(CONTEXT)
                  .build())
          .plaintext()
          .asByteArray();
    } catch (SdkException e) {
      throw new TokenCryptoException("KMS Decrypt under " + wrappedUnder + " failed", e);
    }
  }
}
