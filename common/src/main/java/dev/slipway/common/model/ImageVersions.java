package dev.slipway.common.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Gateway image versions a tenant may pin: OCI image tags. */
public final class ImageVersions {
  /** The OCI distribution spec's tag grammar. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private ImageVersions() {}

  /** Why {@code version} cannot be pinned, or empty when it can (null means "no pin"). */
  public static Optional<String> problem(String version) {
    if (version == null || TAG.matcher(version).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "image version must be an image tag: letters, digits, '_', '.', '-', at most 128"
            + " characters, not starting with '.' or '-'");
  }

  /**
   * The image reference for a tenant: {@code platformImage} with its tag replaced by {@code
   * version}, or unchanged when there is no pin.
   */
  public static String image(String platformImage, String version) {
    if (version == null) {
      return platformImage;
    }
    String repository = platformImage;
    int digest = repository.indexOf('@');
    if (digest >= 0) {
      repository = repository.substring(0, digest);
    }
    // A ':' after the last '/' starts the tag; one before it belongs to a registry port.
    int colon = repository.lastIndexOf(':');
    if (colon > repository.lastIndexOf('/')) {
      repository = repository.substring(0, colon);
    }
    return repository + ":" + version;
  }
}
