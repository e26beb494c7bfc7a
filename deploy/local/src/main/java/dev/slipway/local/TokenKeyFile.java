package dev.slipway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's gateway-token key file ({@code .slipway/token-kek.key}): written once with one
 * random 256-bit key-encryption key, in the format service-common's LocalKeyFile reads, and kept
 * across restarts, since the tokens in the local database are sealed under it.
 */
final class TokenKeyFile {
  private TokenKeyFile() {}

  static Path writeOnce(Path file) {
    if (Files.exists(file)) {
      return file;
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String text =
        "# Slipway local gateway-token key-encryption keys, current first (docs/runbooks.md)\n"
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
