package dev.slipway.api.service;

/**
 * A replay or purge to run as a job, validated.
 *
 * @param action REPLAY or PURGE
 * @param mode REDERIVE or RESEND for replays, null for purges
 * @param ratePerSecond null: no pacing
 */
public record JobRequest(
    String action,
    String mode,
    DeadLetterFilter filter,
    int maxCount,
    Double ratePerSecond,
    String reason) {}
