package dev.slipway.api.tenants;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live tenants per configured namespace as last read from the database, plus the tenants this
 * process placed since. Picks the least-filled namespace for a new tenant; ties go to the one
 * listed first, so a fresh fleet fills the namespaces in turn.
 */
final class NamespaceCounts {
  private final List<String> namespaces;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private Instant readAt;

  NamespaceCounts(List<String> namespaces) {
    this.namespaces = List.copyOf(namespaces);
    namespaces.forEach(n -> counts.put(n, 0L));
  }

  synchronized boolean everRead() {
    return readAt != null;
  }

  /** True before the first read and once the last read is older than {@code maxAge}. */
  synchronized boolean stale(Instant now, Duration maxAge) {
    return readAt == null || !readAt.plus(maxAge).isAfter(now);
  }

  /**
   * Replaces the counts with a fresh read. Namespaces no longer configured are ignored (their
   * tenants stay where they are), configured ones without tenants count zero.
   */
  synchronized void replace(Map<String, Long> counted, Instant at) {
    namespaces.forEach(n -> counts.put(n, counted.getOrDefault(n, 0L)));
    readAt = at;
  }

  /** The least-filled namespace, counted as taken by one more tenant. */
  synchronized String takeLeastFilled() {
    String least = namespaces.get(0);
    for (String namespace : namespaces) {
      if (counts.get(namespace) < counts.get(least)) {
        least = namespace;
      }
    }
    counts.merge(least, 1L, Long::sum);
    return least;
  }

  synchronized Map<String, Long> snapshot() {
    return Map.copyOf(counts);
  }
}
