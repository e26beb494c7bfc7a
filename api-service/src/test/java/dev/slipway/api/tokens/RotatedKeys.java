package dev.slipway.api.tokens;

import dev.slipway.shared.tokens.LocalKeyFile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The API after a local key rotation: a new KEK on the first line of its key file, the test
 * profile's KEK ({@link #BASE}) kept below it, as docs/runbooks.md says to rotate.
 */
public class RotatedKeys implements QuarkusTestProfile {
  /** The key file of the default test profile (application.properties). */
  static final Path BASE = Path.of("target/test-token-kek.key");

  static final Path ROTATED = Path.of("target/test-token-kek-rotated.key");

  @Override
  public Map<String, String> getConfigOverrides() {
    LocalKeyFile.createIfMissing(BASE);
    try {
      Files.writeString(ROTATED, LocalKeyFile.newKeyLine() + "\n" + Files.readString(BASE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("slipway.tokens.local-key-file", ROTATED.toString());
  }
}
