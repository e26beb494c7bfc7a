package dev.slipway.shared.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
  private static final String TOKEN =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private final byte[] oldKek = AesGcm.newKey();
  private final byte[] newKek = AesGcm.newKey();

  @Test
  void sealedTextHidesTheSecretAndOpensToIt() {
    TokenCipher cipher = new TokenCipher(new LocalKeyProvider(List.of(oldKek)));
    String sealed = cipher.seal(TOKEN);
    assertTrue(SealedValue.isSealed(sealed));
    assertFalse(sealed.contains(TOKEN));
    assertEquals(TOKEN, cipher.open(sealed));
    // A data key per value: the same secret seals differently every time.
    assertNotEquals(sealed, cipher.seal(TOKEN));
  }

  @Test
  void rewrapMovesTheDataKeyToTheCurrentKekAndKeepsTheSecret() {
    String sealed = new TokenCipher(new LocalKeyProvider(List.of(oldKek))).seal(TOKEN);
    TokenCipher rotated = new TokenCipher(new LocalKeyProvider(List.of(newKek, oldKek)));

    String rewrapped = rotated.rewrap(sealed);

    assertEquals(LocalKeyProvider.idOf(newKek), TokenCipher.keyIdOf(rewrapped));
    assertEquals(
        SealedValue.parse(sealed).ciphertext().length,
        SealedValue.parse(rewrapped).ciphertext().length);
    assertEquals(TOKEN, new TokenCipher(new LocalKeyProvider(List.of(newKek))).open(rewrapped));
    assertEquals(rewrapped, rotated.rewrap(rewrapped));
  }

  @Test
  void anUnknownKekOrTamperedBytesFailWithoutTheSecret() {
    String sealed = new TokenCipher(new LocalKeyProvider(List.of(oldKek))).seal(TOKEN);
    TokenCipher other = new TokenCipher(new LocalKeyProvider(List.of(newKek)));
    var unknown = assertThrows(TokenCryptoException.class, () -> other.open(sealed));
    assertTrue(unknown.getMessage().contains("no key-encryption key"));

    SealedValue value = SealedValue.parse(sealed);
    byte[] ciphertext = value.ciphertext().clone();
    ciphertext[ciphertext.length - 1] ^= 1;
    String tampered = new SealedValue(value.keyId(), value.wrappedKey(), ciphertext).text();
    TokenCipher same = new TokenCipher(new LocalKeyProvider(List.of(oldKek)));
    var failed = assertThrows(TokenCryptoException.class, () -> same.open(tampered));
    assertFalse(failed.getMessage().contains(TOKEN));
  }

  @Test
  void malformedTextIsRefused() {
    assertThrows(TokenCryptoException.class, () -> SealedValue.parse(TOKEN));
    assertThrows(TokenCryptoException.class, () -> SealedValue.parse("sealed:v1:a:b"));
    assertThrows(TokenCryptoException.class, () -> SealedValue.parse("sealed:v1:*:b:c"));
  }
}
