package dev.slipway.worker.converge;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.retry.Backoff;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Converges one command and classifies how it ended ({@link Convergence}): failures are recorded
 * and turned into a retry with back-off or a permanent failure ({@link Failures}). Every path is
 * safe under redelivery: see {@link CommandHandler}.
 */
@ApplicationScoped
public class Converger {
  private static final Logger LOG = Logger.getLogger(Converger.class);
  private final CommandHandler handler;
  private final Backoff backoff;
  private final MeterRegistry registry;
  private final Duration inDoubtWindow;
  private final int maxAttempts;

  Converger(CommandHandler handler, WorkerConfig config, MeterRegistry registry) {
    this.handler = handler;
    this.registry = registry;
    this.inDoubtWindow = config.kubernetes().inDoubtWindow();
    this.maxAttempts = Math.max(1, config.retry().maxAttempts());
    this.backoff =
        new Backoff(
            config.retry().baseDelay(),
            config.retry().maxDelay(),
            bound -> ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /**
   * @param delivery which delivery of the message this is, from 1 (its receive count): stands in
   *     for the operation's attempts when the database could not count them
   */
  public Convergence converge(CommandEnvelope command, int delivery) {
    try {
      Convergence convergence = handler.handle(command);
      if (convergence instanceof Convergence.Forged) {
        registry.counter(MetricNames.COMMANDS_FORGED).increment();
      }
      return convergence;
    } catch (RuntimeException e) {
      return failed(command, delivery, e);
    }
  }

  private Convergence failed(CommandEnvelope command, int delivery, RuntimeException e) {
    String reason = Failures.describe(e);
    if (Failures.forbidden(e) != null) {
      // The Status message names verb, resource and namespace ("deployments.apps "x" is
      // forbidden: User ... cannot patch resource ..."): what the Role is missing.
      registry.counter(MetricNames.KUBE_FORBIDDEN).increment();
      LOG.errorf("kubernetes RBAC refused the worker, failing the command: %s", reason);
    }
    if (Failures.isPermanent(e)) {
      LOG.errorf("command failed permanently: %s", reason);
      handler.recordPermanentFailure(command, reason);
      return new Convergence.Failed(reason);
    }
    // The operation's own count, not the message's: a message queued behind a retried one is
    // received (and counted) with it each time without being run (provisioner-worker/README.md).
    int attempts = handler.recordRetry(command, reason).orElse(delivery);
    boolean inDoubt = Failures.outcomeUnknown(e);
    if (attempts >= maxAttempts && !inDoubt) {
      LOG.errorf(
          "command failed %d times, moving it to the dead-letter queue: %s", attempts, reason);
      return new Convergence.Exhausted(reason, attempts);
    }
    Duration delay = Duration.ofSeconds(backoff.visibilitySeconds(attempts));
    if (inDoubt) {
      // The write may still land: retrying sooner could apply a newer state (or the tenant's
      // delete, queued behind this message) first and have it overwritten afterwards. For the same
      // reason it is never dead-lettered by the worker (the next command would run at once).
      registry.counter(MetricNames.KUBE_IN_DOUBT).increment();
      delay = delay.compareTo(inDoubtWindow) < 0 ? inDoubtWindow : delay;
    }
    LOG.warnf("command failed, retrying in %d s: %s", delay.toSeconds(), reason);
    return new Convergence.RetryLater(reason, delay);
  }
}
