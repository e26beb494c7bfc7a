package dev.slipway.shared.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileTest {

  @Test
  void createsOneKeyOnceAndReadsItBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".slipway/token-kek.key");
    LocalKeyFile.createIfMissing(file);
    List<byte[]> first = LocalKeyFile.read(file);
    LocalKeyFile.createIfMissing(file);
    List<byte[]> second = LocalKeyFile.read(file);

    assertEquals(1, first.size());
    assertEquals(32, first.get(0).length);
    assertArrayEquals(first.get(0), second.get(0));
    assertEquals("rw-------", posix(file));
  }

  @Test
  void readsKeysCurrentFirstSkippingCommentsAndBlankLines() {
    String current = LocalKeyFile.newKeyLine();
    String old = LocalKeyFile.newKeyLine();
    List<byte[]> keys = LocalKeyFile.parse("# keys\n" + current + "\n\n" + old + "\n");
    LocalKeyProvider provider = new LocalKeyProvider(keys);
    assertEquals(2, keys.size());
    assertEquals(LocalKeyProvider.idOf(keys.get(0)), provider.currentKeyId());
  }

  @Test
  void refusesBadLinesAndKeysOfTheWrongSize() {
    assertThrows(TokenCryptoException.class, () -> LocalKeyFile.parse("not base64 !\n"));
    assertThrows(
        TokenCryptoException.class, () -> new LocalKeyProvider(LocalKeyFile.parse("AAAA\n")));
    assertThrows(TokenCryptoException.class, () -> new LocalKeyProvider(List.of()));
  }

  private static String posix(Path file) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file));
  }
}
