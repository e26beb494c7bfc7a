package dev.slipway.api.tenants;

import dev.slipway.api.http.ApiException;

/**
 * Which lifecycle change a tenant admits, checked on its locked row. Every refusal is a 409 that
 * says why and what to do instead: a client retrying it unchanged would get the same answer.
 */
public final class LifecycleRules {
  private LifecycleRules() {}

  /**
   * Start, stop and settings changes: refused while deleted, purged or (but rotation) suspended.
   */
  public static void requireOperable(TenantRow row, boolean evenSuspended) {
    Lifecycle l = row.lifecycle();
    switch (l.state()) {
      case PURGED -> throw purged();
      case DELETED -> throw deleted(l);
      case SUSPENDED -> {
        if (!evenSuspended) {
          throw ApiException.conflict(
              "the tenant is suspended (" + l.suspensionReason() + "); an admin must resume it");
        }
      }
      case ACTIVE -> {}
    }
  }

  public static void requireDeletable(TenantRow row) {
    Lifecycle l = row.lifecycle();
    if (l.state() == LifecycleState.PURGED) {
      throw purged();
    }
    if (l.state() == LifecycleState.DELETED) {
      throw ApiException.conflict(
          "the tenant is already deleted; it is purged after "
              + l.purgeAfter()
              + " (restore it with POST /v1/tenants/"
              + row.slug()
              + "/restore, or purge it now)");
    }
    requireUnprotected(row);
  }

  public static void requireRestorable(TenantRow row) {
    switch (row.lifecycle().state()) {
      case PURGED -> throw purged();
      case DELETED -> {}
      default -> throw ApiException.conflict("the tenant is not deleted: nothing to restore");
    }
  }

  public static void requirePurgeable(TenantRow row) {
    switch (row.lifecycle().state()) {
      case PURGED -> throw purged();
      case DELETED -> requireUnprotected(row);
      default ->
          throw ApiException.conflict(
              "the tenant is not deleted: DELETE it first (it is then purged after its grace"
                  + " period, or at once by this endpoint)");
    }
  }

  public static void requireSuspendable(TenantRow row) {
    Lifecycle l = row.lifecycle();
    if (l.state() == LifecycleState.SUSPENDED) {
      throw ApiException.conflict(
          "the tenant is already suspended since "
              + l.suspendedAt()
              + " ("
              + l.suspensionReason()
              + ")");
    }
    requireOperable(row, true);
  }

  public static void requireResumable(TenantRow row) {
    Lifecycle l = row.lifecycle();
    requireOperable(row, true);
    if (l.state() != LifecycleState.SUSPENDED) {
      throw ApiException.conflict("the tenant is not suspended: nothing to resume");
    }
  }

  private static void requireUnprotected(TenantRow row) {
    String reason = row.lifecycle().deletionProtection();
    if (reason != null) {
      throw ApiException.conflict(
          "the tenant is protected from deletion ("
              + reason
              + "); an admin clears it with PATCH {\"deletionProtection\": null} first");
    }
  }

  private static ApiException purged() {
    return ApiException.conflict(
        "the tenant was purged: its objects are deleted and cannot be restored; create a new one");
  }

  private static ApiException deleted(Lifecycle l) {
    return ApiException.conflict(
        "the tenant is deleted (restorable until it is purged after "
            + l.purgeAfter()
            + "): restore it first");
  }
}
