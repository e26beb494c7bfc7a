package dev.slipway.worker.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One object's apply result and the object as the API server stored it (null after a delete). */
public record Applied(ApplyResult result, HasMetadata live) {}
