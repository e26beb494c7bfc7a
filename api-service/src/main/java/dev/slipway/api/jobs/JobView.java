package dev.slipway.api.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A replay or purge job and its progress: {@code done} (replaced or purged, DLQ copy deleted) plus
 * {@code skipped} (left in the DLQ, see the audit) plus {@code failed} (left, retried by a later
 * run) out of {@code total}: the matching messages found so far. A job counts no total before it
 * starts (that would take a pass of its own): {@code total} grows as the job's one pass over the
 * DLQ finds matches (from what earlier runs handled, when it resumes) and is final once the job
 * ended.
 *
 * @param status running, succeeded, failed or cancelled
 */
public record JobView(
    String id,
    String action,
    String mode,
    String status,
    String requestedBy,
    String reason,
    @JsonRawValue String filter,
    int maxCount,
    Double ratePerSecond,
    int total,
    int done,
    int skipped,
    int failed,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  static JobView of(OpsJobRow j) {
    return new JobView(
        j.id().toString(),
        lower(j.action()),
        lower(j.mode()),
        lower(j.status()),
        j.requestedBy(),
        j.reason(),
        j.filter(),
        j.maxCount(),
        j.ratePerSecond(),
        j.total(),
        j.done(),
        j.skipped(),
        j.failed(),
        j.lastError(),
        j.createdAt(),
        j.startedAt(),
        j.finishedAt());
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
