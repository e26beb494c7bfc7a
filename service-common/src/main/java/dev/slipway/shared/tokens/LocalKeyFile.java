package dev.slipway.shared.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local key file: one base64 32-byte KEK a line, the current one first; blank lines and lines
 * starting with # are ignored. To rotate, put a new key on the first line, keep the old ones below,
 * restart the services, run the rotation, then delete the old lines (docs/runbooks.md).
 */
public final class LocalKeyFile {
  private LocalKeyFile() {}

  public static List<byte[]> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token key file " + file, e);
    }
  }

  static List<byte[]> parse(String text) {
    List<byte[]> keys = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        keys.add(Base64.getDecoder().decode(trimmed));
      } catch (IllegalArgumentException e) {
        throw new TokenCryptoException("the token key file holds a line that is not base64");
      }
    }
    return keys;
  }

  /** Writes a new file with one fresh key, owner-only, unless the file exists. */
  public static void createIfMissing(Path file) {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      String text =
          "# Slipway gateway-token key-encryption keys, current first (docs/runbooks.md)\n"
              + Base64.getEncoder().encodeToString(AesGcm.newKey())
              + "\n";
      Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the file keeps the default permissions.
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // Another process created it first: use theirs.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the token key file " + file, e);
    }
  }

  /** A new key line for an operator rotating the local key (printed by the launcher). */
  public static String newKeyLine() {
    return Base64.getEncoder().encodeToString(AesGcm.newKey());
  }
}
