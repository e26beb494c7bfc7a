package dev.slipway.api.outbox;

/** One outbox row waiting to be published. */
record PendingCommand(long id, String operationId, String groupId, String body) {}
