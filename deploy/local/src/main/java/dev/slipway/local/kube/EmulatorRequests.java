package dev.slipway.local.kube;

import dev.slipway.local.kube.http.RequestGate;
import dev.slipway.local.kube.watch.WatchHub;

/**
 * The {@link RequestGate} of a {@link KubeEmulator}: every request its HTTP front receives is shown
 * to the open tallies and the request counts, then planned by the injected faults.
 */
final class EmulatorRequests implements RequestGate {
  private final RequestTallies tallies = new RequestTallies();
  private final RequestCounts counts = new RequestCounts();
  private final KubeFaults faults;

  EmulatorRequests(WatchHub watches) {
    this.faults = new KubeFaults(watches);
  }

  @Override
  public Plan plan(String method, String uri) {
    tallies.seen(method, uri);
    counts.seen(method, uri);
    return faults.plan(method, uri);
  }

  KubeFaults faults() {
    return faults;
  }

  RequestCounts counts() {
    return counts;
  }

  RequestTally tally(String method, String uriPattern) {
    return tallies.open(method, uriPattern);
  }
}
