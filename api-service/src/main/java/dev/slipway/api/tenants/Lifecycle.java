package dev.slipway.api.tenants;

import dev.slipway.common.model.DesiredState;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * A tenant's lifecycle safety columns (migration V11): soft delete, purge, suspension and deletion
 * protection.
 *
 * @param resumeState the desired state an OFFLINE tenant returns to when restored or resumed
 * @param deletionProtection the reason given for protecting the tenant, null when unprotected
 */
public record Lifecycle(
    DesiredState resumeState,
    OffsetDateTime deletedAt,
    OffsetDateTime purgeAfter,
    OffsetDateTime purgedAt,
    OffsetDateTime suspendedAt,
    String suspensionReason,
    String deletionProtection) {

  static final String COLUMNS =
      "resume_state, deleted_at, purge_after, purged_at, suspended_at, suspension_reason,"
          + " deletion_protection";

  /** A tenant as created: active, unprotected. */
  public static Lifecycle active(String deletionProtection) {
    return new Lifecycle(null, null, null, null, null, null, deletionProtection);
  }

  /** Where the tenant stands, for the view and the gauge. */
  public LifecycleState state() {
    if (purgedAt != null) {
      return LifecycleState.PURGED;
    }
    if (deletedAt != null) {
      return LifecycleState.DELETED;
    }
    return suspendedAt != null ? LifecycleState.SUSPENDED : LifecycleState.ACTIVE;
  }

  static Lifecycle from(Row row) {
    String resume = row.getString("resume_state");
    return new Lifecycle(
        resume == null ? null : DesiredState.valueOf(resume),
        row.getOffsetDateTime("deleted_at"),
        row.getOffsetDateTime("purge_after"),
        row.getOffsetDateTime("purged_at"),
        row.getOffsetDateTime("suspended_at"),
        row.getString("suspension_reason"),
        row.getString("deletion_protection"));
  }
}
