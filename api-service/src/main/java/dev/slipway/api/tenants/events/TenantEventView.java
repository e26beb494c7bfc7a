package dev.slipway.api.tenants.events;

import dev.slipway.api.auth.FailureText;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event of a tenant's timeline as the API shows it.
 *
 * @param kind what happened, see {@link EventKind}
 * @param action the verb: a write's ({@code stop}), an operation's type ({@code soft-delete}), a
 *     dead-letter job's ({@code replay}), a rollout step's ({@code rollout.changed})
 * @param actor who asked: the token subject for admins and ops; for the tenant's own token {@code
 *     you}, {@code operator} or {@code slipway}. {@code slipway} when Slipway acted on its own
 *     (reconciler repairs, the purge sweep); null to admins when not recorded (before V10)
 * @param status an operation's status, a dead letter's outcome, a rollout step's state
 * @param attempts an operation's delivery attempts so far
 * @param reason the reason the actor gave (suspend, resume, an ops job, a rollout)
 * @param detail recorded text (an operation's error, a write's outcome); to a tenant token only a
 *     generic line for a failed operation ({@link FailureText})
 */
public record TenantEventView(
    OffsetDateTime at,
    EventKind kind,
    String action,
    String actor,
    String status,
    Integer attempts,
    UUID operationId,
    UUID rolloutId,
    String reason,
    String detail,
    OffsetDateTime finishedAt) {}
