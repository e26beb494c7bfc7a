package dev.slipway.common.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tenant namespaces (issue 10, namespace sharding). Kubernetes is tested to about 2,000 Deployments
 * per namespace, so a fleet is spread over a configured set of namespaces; each tenant is given one
 * when it is created, recorded on its row, and never moved.
 */
public final class Namespaces {
  /** The one namespace of every setup from before sharding (seed 000). */
  public static final String DEFAULT = "tenants";

  /** Kubernetes' limit on a namespace name (a DNS-1123 label). */
  public static final int MAX_LENGTH = 63;

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Namespaces() {}

  /** Returns why the name cannot be a namespace, or empty when it can. */
  public static Optional<String> problem(String namespace) {
    if (namespace == null || namespace.isEmpty()) {
      return Optional.of("namespace must not be empty");
    }
    if (namespace.length() > MAX_LENGTH || !DNS_1123_LABEL.matcher(namespace).matches()) {
      return Optional.of(
          "namespace '%s' is not a DNS-1123 label (lower-case letters, digits and '-', at most %d)"
              .formatted(namespace, MAX_LENGTH));
    }
    return Optional.empty();
  }

  /**
   * A configured list of tenant namespaces, checked: each trimmed and valid, none twice, at least
   * one. Order is kept: the first is the default namespace.
   *
   * @param key the configuration key, named in the error
   * @throws IllegalArgumentException when the list is unusable
   */
  public static List<String> checked(String key, List<String> configured) {
    Set<String> names = new LinkedHashSet<>();
    for (String raw : configured == null ? List.<String>of() : configured) {
      String name = raw == null ? "" : raw.trim();
      problem(name)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(key + ": " + p);
              });
      if (!names.add(name)) {
        throw new IllegalArgumentException(key + ": namespace '" + name + "' is listed twice");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(key + ": at least one namespace is required");
    }
    return List.copyOf(names);
  }
}
