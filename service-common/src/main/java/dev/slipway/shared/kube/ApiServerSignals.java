package dev.slipway.shared.kube;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the API server's answers say about its flow control, seen by a fabric8 client interceptor on
 * every response (each retry included): whether the server runs API Priority and Fairness (its
 * answers carry the {@code X-Kubernetes-PF-*} headers), and how many 429s it sent. As client-go
 * does, a client that sees APF leaves the pacing to the server instead of throttling itself.
 */
public final class ApiServerSignals implements Interceptor {

  /** The name the interceptor is registered under in the fabric8 HTTP client. */
  public static final String NAME = "slipway-api-server-signals";

  public static final String PRIORITY_LEVEL_HEADER = "X-Kubernetes-PF-PriorityLevel-UID";
  public static final String FLOW_SCHEMA_HEADER = "X-Kubernetes-PF-FlowSchema-UID";

  private volatile boolean priorityAndFairness;
  private final LongAdder throttled = new LongAdder();

  @Override
  public void after(
      HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> body) {
    observe(response.code(), response.header(PRIORITY_LEVEL_HEADER) != null);
  }

  /**
   * Records one answer. The latest decides: a server behind a proxy that strips the headers, or one
   * that turns APF off, gets the client-side limit back at its next answer.
   */
  public void observe(int code, boolean withPriorityLevel) {
    priorityAndFairness = withPriorityLevel;
    if (code == 429) {
      throttled.increment();
    }
  }

  /** Whether the latest answer came from a server running API Priority and Fairness. */
  public boolean priorityAndFairness() {
    return priorityAndFairness;
  }

  /** 429 answers so far (for the {@code slipway.kube.throttled} counter). */
  public double throttled() {
    return throttled.sum();
  }
}
