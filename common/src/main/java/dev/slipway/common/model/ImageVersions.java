package dev.slipway.common.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gateway image versions a tenant may pin: an OCI image tag ({@code 1.4.2}), a digest ({@code
 * sha256:<64 hex>}, also written {@code @sha256:<64 hex>}), or both ({@code 1.4.2@sha256:<64
 * hex>}). A digest names exactly one image, so a pinned tenant never runs an image re-pushed under
 * its tag; the rendered Deployment keeps it.
 */
public final class ImageVersions {
  /** The OCI distribution spec's tag grammar. */
  private static final String TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

  /** A SHA-256 digest as the OCI image spec writes it (lower-case hex). */
  private static final String DIGEST = "sha256:[a-f0-9]{64}";

  /**
   * A tag, a digest, or both; anchored so that the API's Bean Validation and the OpenAPI schema
   * (where a pattern matches anywhere unless anchored) mean the same as {@link #problem}.
   */
  public static final String PATTERN =
      "^(" + TAG + "|@?" + DIGEST + "|" + TAG + "@" + DIGEST + ")$";

  public static final String RULE =
      "image version must be an image tag (letters, digits, '_', '.', '-', at most 128"
          + " characters, not starting with '.' or '-'), a digest sha256:<64 lower-case hex"
          + " digits>, or a tag and a digest: tag@sha256:<64 hex>";

  private static final Pattern VERSION = Pattern.compile(PATTERN);

  private ImageVersions() {}

  /** Why {@code version} cannot be pinned, or empty when it can (null means "no pin"). */
  public static Optional<String> problem(String version) {
    if (version == null || VERSION.matcher(version).matches()) {
      return Optional.empty();
    }
    return Optional.of(RULE);
  }

  /**
   * The version (tag, digest, or tag and digest) {@code image} names, in the form {@link #image}
   * takes back: {@code image(image, versionOf(image))} is {@code image}. An image without a tag or
   * digest is {@code latest}, as a container runtime reads it. The fleet's bootstrap version 1 is
   * the version of {@code slipway.fleet.image}.
   */
  public static String versionOf(String image) {
    String version = "latest";
    String repository = image;
    int digest = repository.indexOf('@');
    String digestPart = null;
    if (digest >= 0) {
      digestPart = repository.substring(digest + 1);
      repository = repository.substring(0, digest);
    }
    int colon = repository.lastIndexOf(':');
    String tag = colon > repository.lastIndexOf('/') ? repository.substring(colon + 1) : null;
    if (tag != null && digestPart != null) {
      version = tag + "@" + digestPart;
    } else if (digestPart != null) {
      version = digestPart;
    } else if (tag != null) {
      version = tag;
    }
    return version;
  }

  /**
   * The image reference for a tenant: {@code platformImage} with its tag and digest replaced by
   * {@code version} ({@code repo:tag}, {@code repo@sha256:...} or {@code repo:tag@sha256:...}), or
   * unchanged when there is no pin.
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
    if (version.startsWith("@")) {
      return repository + version;
    }
    return repository + (version.startsWith("sha256:") ? "@" : ":") + version;
  }
}
