package dev.slipway.shared.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;

/**
 * The KMS provider's request and response mapping. There is no KMS emulator on our machines, so
 * this runs against a small in-process fake of the SDK's {@link KmsClient} interface (an AWS
 * client, not our own database, queue or Kubernetes emulator): it "wraps" by prefixing the key id,
 * and refuses a Decrypt that names another key or another encryption context, as KMS does.
 */
class KmsKeyProviderTest {
  private static final String TOKEN = "a".repeat(64);

  @Test
  void wrapsUnderTheConfiguredKeyWithTheEncryptionContextAndUnwrapsNamingIt() {
    FakeKms kms = new FakeKms();
    TokenCipher cipher = new TokenCipher(new KmsKeyProvider(kms, "alias/slipway-tokens"));

    String sealed = cipher.seal(TOKEN);

    assertEquals("alias/slipway-tokens", TokenCipher.keyIdOf(sealed));
    assertEquals(TOKEN, cipher.open(sealed));
    assertEquals("alias/slipway-tokens", kms.encrypts.get(0).keyId());
    assertEquals(KmsKeyProvider.CONTEXT, kms.encrypts.get(0).encryptionContext());
    assertEquals(32, kms.encrypts.get(0).plaintext().asByteArray().length);
    assertEquals("alias/slipway-tokens", kms.decrypts.get(0).keyId());
    assertEquals(KmsKeyProvider.CONTEXT, kms.decrypts.get(0).encryptionContext());
  }

  @Test
  void rotationToANewKeyDecryptsUnderTheOldAndEncryptsUnderTheNew() {
    FakeKms kms = new FakeKms();
    String sealed = new TokenCipher(new KmsKeyProvider(kms, "key-1")).seal(TOKEN);
    TokenCipher rotated = new TokenCipher(new KmsKeyProvider(kms, "key-2"));

    String rewrapped = rotated.rewrap(sealed);

    assertEquals("key-2", TokenCipher.keyIdOf(rewrapped));
    assertEquals("key-1", kms.decrypts.get(0).keyId());
    assertEquals(TOKEN, rotated.open(rewrapped));
  }

  @Test
  void kmsErrorsBecomeCryptoErrorsNamingTheKeyAndAKeyIdIsRequired() {
    FakeKms kms = new FakeKms();
    String sealed = new TokenCipher(new KmsKeyProvider(kms, "key-1")).seal(TOKEN);
    SealedValue value = SealedValue.parse(sealed);
    String claimedOther = new SealedValue("key-9", value.wrappedKey(), value.ciphertext()).text();

    var failed =
        assertThrows(
            TokenCryptoException.class,
            () -> new TokenCipher(new KmsKeyProvider(kms, "key-1")).open(claimedOther));
    assertTrue(failed.getMessage().contains("key-9"));
    assertThrows(TokenCryptoException.class, () -> new KmsKeyProvider(kms, " "));
    assertThrows(TokenCryptoException.class, () -> new KmsKeyProvider(kms, null));
  }

  /** Encrypt = key id bytes + 0 + plaintext; Decrypt checks the named key and the context. */
  private static final class FakeKms implements KmsClient {
    final List<EncryptRequest> encrypts = new ArrayList<>();
    final List<DecryptRequest> decrypts = new ArrayList<>();

    @Override
    public EncryptResponse encrypt(EncryptRequest request) {
      encrypts.add(request);
      byte[] id = request.keyId().getBytes();
      byte[] plain = request.plaintext().asByteArray();
      byte[] blob = Arrays.copyOf(id, id.length + 1 + plain.length);
      System.arraycopy(plain, 0, blob, id.length + 1, plain.length);
      return EncryptResponse.builder()
          .keyId("arn:aws:kms:eu-west-1:111122223333:key/" + request.keyId())
          .ciphertextBlob(SdkBytes.fromByteArray(blob))
          .build();
    }

    @Override
    public DecryptResponse decrypt(DecryptRequest request) {
      decrypts.add(request);
      byte[] blob = request.ciphertextBlob().asByteArray();
      int split = indexOfZero(blob);
      String wrappedUnder = new String(blob, 0, split);
      if (!wrappedUnder.equals(request.keyId())
          || !KmsKeyProvider.CONTEXT.equals(request.encryptionContext())) {
        throw IncorrectKeyException.builder().message("incorrect key").build();
      }
      return DecryptResponse.builder()
          .keyId(request.keyId())
          .plaintext(SdkBytes.fromByteArray(Arrays.copyOfRange(blob, split + 1, blob.length)))
          .build();
    }

    private static int indexOfZero(byte[] blob) {
      for (int i = 0; i < blob.length; i++) {
        if (blob[i] == 0) {
          return i;
        }
      }
      return blob.length;
    }

    @Override
    public String serviceName() {
      return "kms";
    }

    @Override
    public void close() {}
  }
}
