package dev.slipway.api.tenants.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What kind of thing happened to a tenant; the {@code kind} filter of its timeline. */
public enum EventKind {
  /** A write through the API: create, update, start, stop, rotate-token (the audit trail). */
  WRITE,
  /** Delete, restore, purge, suspend, resume, protect, unprotect (the audit trail). */
  LIFECYCLE,
  /** An operation the worker carried out, with its attempts and outcome. */
  OPERATION,
  /** A reconciler repair: a RECONCILE operation it queued for drift it found. */
  REPAIR,
  /** What an ops job did with one of the tenant's dead-lettered commands. */
  DEAD_LETTER,
  /** A rollout or bulk step: when it changed the tenant, and how the tenant settled. */
  ROLLOUT;

  /**
   * Audit actions (without {@code tenant.}) that are {@link #LIFECYCLE}, the rest {@link #WRITE}.
   */
  static final Set<String> LIFECYCLE_ACTIONS =
      Set.of("delete", "restore", "purge", "suspend", "resume", "protect", "unprotect");

  /** As clients write it: lower case with dashes, e.g. {@code dead-letter}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind a client named, in any case, with dashes or underscores. */
  public static Optional<EventKind> parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(EventKind::wire).toList());
  }
}
