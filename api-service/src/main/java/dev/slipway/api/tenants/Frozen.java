package dev.slipway.api.tenants;

import java.time.OffsetDateTime;

/**
 * A tenant's freeze (migration V13): rollouts and bulk operations skip it and the reconciler only
 * reports its drift, until an admin unfreezes it.
 *
 * @param reason why, as the admin gave it
 * @param by the admin's token subject
 * @param at when it was frozen
 */
public record Frozen(String reason, String by, OffsetDateTime at) {}
