package dev.slipway.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * One ops audit record.
 *
 * @param actor the token subject of whoever asked
 * @param action replay, purge, cancel, replay.finished, purge.finished
 * @param target the job id
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
    String outcome) {

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
        r.outcome());
  }
}
