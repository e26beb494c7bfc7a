package dev.slipway.worker.apply;

import dev.slipway.shared.kube.ApiServerSignals;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Token bucket in front of the applier's Kubernetes requests (the client-go QPS/burst model, which
 * fabric8 lacks): {@code burst} requests may go at once, then {@code qps} per second. Every worker
 * thread shares it. With {@code pacing=adaptive} (the default) it lets every request through while
 * the API server answers with API Priority and Fairness headers: the server's seats and 429s pace
 * the worker then ({@link ResourceApplier} honours them), as client-go does.
 */
@ApplicationScoped
public class KubeRequestLimiter {
  private final double tokensPerNano;
  private final double capacity;
  private final BooleanSupplier serverPaces;
  private double tokens;
  private long refilledAt = System.nanoTime();

  @Inject
  KubeRequestLimiter(WorkerConfig config, ApiServerSignals signals) {
    this(
        config.kubernetes().qps(),
        config.kubernetes().burst(),
        config.kubernetes().pacing() == WorkerConfig.Pacing.ADAPTIVE
            ? signals::priorityAndFairness
            : () -> false);
  }

  KubeRequestLimiter(double qps, int burst) {
    this(qps, burst, () -> false);
  }

  KubeRequestLimiter(double qps, int burst, BooleanSupplier serverPaces) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("qps must be > 0 and burst >= 1");
    }
    this.tokensPerNano = qps / TimeUnit.SECONDS.toNanos(1);
    this.capacity = burst;
    this.tokens = burst;
    this.serverPaces = serverPaces;
  }

  /** Blocks until the next request may be sent; interruptible (shutdown). */
  public void acquire() {
    if (serverPaces.getAsBoolean()) {
      return;
    }
    long waitNanos = reserve();
    long deadline = System.nanoTime() + waitNanos;
    for (long left = waitNanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new KubernetesClientException("interrupted while rate limited");
      }
    }
  }

  /**
   * Takes a token, going into debt when none is left, and returns how long the caller must wait for
   * its token to have been earned. Debt keeps waiting callers in arrival order.
   */
  synchronized long reserve() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
    refilledAt = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
  }
}
