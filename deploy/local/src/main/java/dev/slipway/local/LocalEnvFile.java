package dev.slipway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Writes {@code .slipway/local.env}: shell export lines, written atomically once all is ready. */
final class LocalEnvFile {
  private LocalEnvFile() {}

  static void write(Path file, Map<String, String> env) {
    StringBuilder out = new StringBuilder("# Slipway local stack: source this file.\n");
    env.forEach(
        (k, v) -> out.append("export ").append(k).append("='").append(quote(v)).append("'\n"));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, out);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort on shutdown
    }
  }

  /** Single-quoted shell string: only a quote itself needs escaping. */
  private static String quote(String value) {
    return value.replace("'", "'\\''");
  }
}
