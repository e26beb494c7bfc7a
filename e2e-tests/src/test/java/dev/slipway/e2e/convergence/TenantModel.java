package dev.slipway.e2e.convergence;

import java.util.UUID;

/**
 * What the history says one tenant must look like once everything has converged: the effect of its
 * acknowledged requests, in the order the client made them (one tenant's requests are sequential).
 */
final class TenantModel {
  private final String phase;
  private final String slug;
  private UUID id;
  private String desired;
  private String plan;
  private long generation;
  private int changes;
  private String gatewayToken;
  private int restores;

  TenantModel(String phase, String slug) {
    this.phase = phase;
    this.slug = slug;
  }

  String phase() {
    return phase;
  }

  String slug() {
    return slug;
  }

  synchronized boolean exists() {
    return id != null;
  }

  synchronized UUID id() {
    return id;
  }

  /** RUNNING, STOPPED, OFFLINE (soft-deleted) or DELETED. */
  synchronized String desired() {
    return desired;
  }

  synchronized String plan() {
    return plan;
  }

  /** The generation the last acknowledged request reported. */
  synchronized long generation() {
    return generation;
  }

  /** Acknowledged requests that changed something: each queued exactly one operation. */
  synchronized int changes() {
    return changes;
  }

  /** Replicas the tenant's Deployment must have: the plan's while running, 0 when stopped. */
  synchronized int replicas() {
    return "RUNNING".equals(desired) ? Plans.replicas(plan) : 0;
  }

  /** The gateway token the create answered with; null when not known (the checker's self-test). */
  synchronized String gatewayToken() {
    return gatewayToken;
  }

  /** Acknowledged restores: each must bring the tenant back with the token it had. */
  synchronized int restores() {
    return restores;
  }

  synchronized void created(UUID id, String plan, long generation, String gatewayToken) {
    created(id, plan, generation);
    this.gatewayToken = gatewayToken;
  }

  synchronized void restored() {
    restores++;
  }

  synchronized void created(UUID id, String plan, long generation) {
    this.id = id;
    this.desired = "RUNNING";
    this.plan = plan;
    this.generation = generation;
    this.changes = 1;
  }

  /** An acknowledged change; {@code changed} false when the API answered 200 (nothing to do). */
  synchronized void changed(String desired, String plan, long generation, boolean changed) {
    this.desired = desired;
    this.plan = plan;
    this.generation = generation;
    if (changed) {
      changes++;
    }
  }

  @Override
  public synchronized String toString() {
    return slug + "[" + desired + " " + plan + " gen " + generation + "]";
  }
}
