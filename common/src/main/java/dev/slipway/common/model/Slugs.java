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

  /**
   * A DNS-1123 label, anchored so that the API's Bean Validation and the OpenAPI schema (where a
   * pattern matches anywhere unless anchored) mean the same as {@link #problem}.
   */
  public static final String PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  public static final String REQUIRED = "slug is required";
  public static final String LABEL_RULE =
      "slug must be a DNS-1123 label: lower-case letters, digits and '-',"
          + " starting and ending with a letter or digit";

  private static final Pattern DNS_1123_LABEL = Pattern.compile(PATTERN);

  private Slugs() {}

  /** Returns why the slug is invalid, or empty when it is valid. */
  public static Optional<String> problem(String slug) {
    if (slug == null || slug.isEmpty()) {
      return Optional.of(REQUIRED);
    }
    if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
      return Optional.of(
          "slug must be %d to %d characters long, got %d"
              .formatted(MIN_LENGTH, MAX_LENGTH, slug.length()));
    }
    if (!DNS_1123_LABEL.matcher(slug).matches()) {
      return Optional.of(LABEL_RULE);
    }
    return Optional.empty();
  }

  public static boolean isValid(String slug) {
    return problem(slug).isEmpty();
  }
}
