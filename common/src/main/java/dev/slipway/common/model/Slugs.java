package dev.slipway.common.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of tenant slugs. A slug names the tenant's Deployment, Service, Ingress and Secret and
 * is the first label of its host name, so it must be a DNS-1123 label. The upper bound leaves room
 * for suffixes such as {@code -tls} within the 63-character label limit.
 */
public final class Slugs {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 40;
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Slugs() {}

  /** Returns why the slug is invalid, or empty when it is valid. */
  public static Optional<String> problem(String slug) {
    if (slug == null || slug.isEmpty()) {
      return Optional.of("slug is required");
    }
    if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
      return Optional.of(
          "slug must be %d to %d characters long, got %d"
              .formatted(MIN_LENGTH, MAX_LENGTH, slug.length()));
    }
    if (!DNS_1123_LABEL.matcher(slug).matches()) {
      return Optional.of(
          "slug must be a DNS-1123 label: lower-case letters, digits and '-',"
              + " starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  public static boolean isValid(String slug) {
    return problem(slug).isEmpty();
  }
}
