package dev.slipway.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * One ops audit record.
 *
 * @param actor the token subject of whoever asked
 * @param action replay, purge, cancel, replay.finished, purge.finished; for tenant writes
 *     tenant.create, tenant.update, tenant.start, tenant.stop, tenant.rotate-token, tenant.delete
 * @param target the job id; the tenant's slug for a tenant write
 * @param reason null for a tenant write (its requests carry none)
 * @param outcome for a tenant write, the operation it queued
 * @param issuer the actor's token issuer: recorded for tenant writes, null otherwise
 */
public record AuditView(
    long id,
    OffsetDateTime at,
    String actor,
    String action,
    String target,
    @JsonRawValue String filter,
    String reason,
    @JsonRawValue String counts,
    String outcome,
    String issuer) {

  static AuditView of(AuditRow r) {
    return new AuditView(
        r.id(),
        r.at(),
        r.actor(),
        r.action(),
        r.target(),
        r.filter(),
        r.reason(),
        r.counts(),
        r.outcome(),
        r.issuer());
  }
}
