package dev.slipway.api.jobs;

/**
 * A job to run, validated by the feature that asks for it.
 *
 * @param action what the job does, e.g. REPLAY or PURGE (a {@link JobKind} runs it)
 * @param mode a variant of the action (REDERIVE or RESEND for replays), or null
 * @param filter what the job works on (stored as JSON with the job)
 * @param ratePerSecond null: no pacing
 * @param <F> the feature's filter type
 */
public record JobRequest<F>(
    String action, String mode, F filter, int maxCount, Double ratePerSecond, String reason) {}
