package dev.slipway.local.kube;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open {@link RequestTally} instances; the server shows each one every request it receives. */
final class RequestTallies {
  private final List<RequestTally> open = new CopyOnWriteArrayList<>();

  RequestTally open(String method, String uriPattern) {
    RequestTally tally = new RequestTally(method, uriPattern, open);
    open.add(tally);
    return tally;
  }

  void seen(String method, String uri) {
    for (RequestTally tally : open) {
      tally.seen(method, uri);
    }
  }
}
