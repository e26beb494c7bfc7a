package dev.slipway.e2e.convergence;

import dev.slipway.local.kube.KubeFaults;
import java.time.Duration;

/**
 * Where in the processing of a command a worker kill lands. The worker applies Secret, Deployment,
 * Service, Ingress, each a GET then a server-side apply once the tenant was applied before, and
 * only the apply on a first create (deletes: the reverse order, each a GET then a DELETE); one
 * request is held back by the emulator, and the worker is killed while it waits. The BEFORE_*
 * points hold the first request on the object, whichever it is: on a first create that is the
 * apply, which then lands after the kill.
 */
enum KillPoint {
  BEFORE_DEPLOYMENT("between Secret and Deployment", "*", "deployments/[a-z0-9-]+(\\?|$)", 3_000),
  BEFORE_SERVICE("between Deployment and Service", "*", "services/[a-z0-9-]+(\\?|$)", 3_000),
  BEFORE_INGRESS("between Service and Ingress", "*", "ingresses/[a-z0-9-]+(\\?|$)", 3_000),
  // The held apply lands after the kill: the cluster has it, the database never hears of it.
  AFTER_LAST_APPLY("between the last apply and the status write", "PATCH", "ingresses/", 1_000),
  // A write slowed a little, then the kill after a random extra wait: anywhere, the status write
  // and the message delete included.
  RANDOM("at a random point", "PATCH", "", 100);

  private final String description;
  private final String method;
  private final String uri;
  private final long delayMillis;

  KillPoint(String description, String method, String uri, long delayMillis) {
    this.description = description;
    this.method = method;
    this.uri = uri;
    this.delayMillis = delayMillis;
  }

  String description() {
    return description;
  }

  /** Holds back the next matching request; the caller kills once {@code faults.fired()} moves. */
  void arm(KubeFaults faults) {
    faults.delay(method, "/namespaces/tenants/" + uri, Duration.ofMillis(delayMillis), 1);
  }
}
