package dev.slipway.e2e.convergence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the load made and how it ended, and the tenants it created. A request ends
 * acknowledged (2xx) or refused (4xx); one whose outcome was unknown (timeout, dropped connection,
 * 5xx) is retried with its Idempotency-Key until it ends one of those two ways.
 */
final class History {
  /** One request, once definite. {@code attempts} counts the retries after unknown outcomes. */
  record Exchange(
      String phase,
      String slug,
      String action,
      String key,
      int attempts,
      int status,
      boolean replayed) {}

  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<TenantModel> tenants = new CopyOnWriteArrayList<>();
  private final Set<String> refusedSlugs = ConcurrentHashMap.newKeySet();
  private final List<String> surprises = new CopyOnWriteArrayList<>();
  private final Map<String, Exchange> byKey = new ConcurrentHashMap<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();

  void record(Exchange exchange) {
    exchanges.add(exchange);
    byKey.put(exchange.key(), exchange);
    if (exchange.status() < 300) {
      acknowledged.incrementAndGet();
    }
  }

  void attemptUnknown() {
    unknown.incrementAndGet();
  }

  void tenant(TenantModel tenant) {
    tenants.add(tenant);
  }

  /** A create the API refused, as intended: nothing may ever exist under this slug. */
  void refusedCreate(String slug) {
    refusedSlugs.add(slug);
  }

  /** An answer the client did not expect (e.g. a refusal of a valid request): a finding. */
  void surprise(String what) {
    surprises.add(what);
  }

  long acknowledgedSoFar() {
    return acknowledged.get();
  }

  long unknownSoFar() {
    return unknown.get();
  }

  List<TenantModel> tenants() {
    return List.copyOf(tenants);
  }

  Set<String> refusedSlugs() {
    return Set.copyOf(refusedSlugs);
  }

  List<String> surprises() {
    return List.copyOf(surprises);
  }

  Exchange byKey(String key) {
    return byKey.get(key);
  }

  /** Counts of one load phase (all phases when {@code phase} is null). */
  Counts counts(String phase) {
    List<Exchange> of = new ArrayList<>();
    for (Exchange e : exchanges) {
      if (phase == null || phase.equals(e.phase())) {
        of.add(e);
      }
    }
    int ack = (int) of.stream().filter(e -> e.status() < 300).count();
    int retried = (int) of.stream().filter(e -> e.attempts() > 1).count();
    int replayed = (int) of.stream().filter(Exchange::replayed).count();
    return new Counts(of.size(), ack, of.size() - ack, retried, replayed);
  }

  record Counts(int requests, int acknowledged, int refused, int retried, int replayed) {
    @Override
    public String toString() {
      return "requests=%d acknowledged=%d refused=%d retried-after-unknown=%d replayed=%d"
          .formatted(requests, acknowledged, refused, retried, replayed);
    }
  }

  List<Exchange> exchanges() {
    return Collections.unmodifiableList(exchanges);
  }
}
