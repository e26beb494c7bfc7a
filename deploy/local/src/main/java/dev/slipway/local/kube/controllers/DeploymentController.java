package dev.slipway.local.kube.controllers;

import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.store.LocalApi;
import dev.slipway.local.kube.store.StoreListener;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulation of kube-controller-manager's Deployment controller (and, in one step, of the
 * ReplicaSet controller, scheduler and kubelet): it keeps pods and status of every Deployment in
 * the watched namespaces. Store changes arrive through the dispatcher's change listener; all work
 * runs on one thread, and each Deployment is queued at most once, so bursts of changes collapse
 * into one pass that reads the latest state.
 */
public final class DeploymentController implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DeploymentController.class.getName());
  private static final Duration RETRY_DELAY = Duration.ofMillis(200);

  private final Set<String> namespaces;
  private final PodStartup startup;
  private final ScheduledExecutorService executor;
  private final DeploymentReconciler reconciler;
  private final AutoscalerEmulation autoscalers;
  // Touched only on the controller thread.
  private final Set<DeploymentKey> pending = new HashSet<>();
  private final AtomicInteger outstanding = new AtomicInteger();

  public DeploymentController(LocalApi api, Collection<String> namespaces, PodStartup startup) {
    this.namespaces = Set.copyOf(namespaces);
    this.startup = startup;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "kube-emulator-deployment-controller");
              thread.setDaemon(true);
              return thread;
            });
    this.autoscalers = new AutoscalerEmulation(api);
    this.reconciler =
        new DeploymentReconciler(api, this::scheduleReady, Clock.systemUTC(), autoscalers);
  }

  /**
   * Change listener for the store. It runs under the store's write lock (on the server's event loop
   * or on this controller's own thread), so it only hands the change over.
   */
  public void changed(StoreListener.Change change, StoredObject previous, StoredObject current) {
    String type = current.ref().type();
    boolean relevant = type.equals(ObjectRef.DEPLOYMENTS) || type.equals(ObjectRef.PODS);
    if (!namespaces.contains(current.namespace())) {
      return;
    }
    if (relevant) {
      submit(() -> route(current));
    } else if (type.equals(ObjectRef.AUTOSCALERS)) {
      submit(
          () -> {
            DeploymentKey target = autoscalers.track(change, current.tree());
            if (target != null) {
              enqueue(target);
            }
          });
    }
  }

  private void route(StoredObject object) {
    DeploymentKey key = DeploymentKey.affectedBy(object.tree());
    if (key != null && namespaces.contains(key.namespace())) {
      enqueue(key);
    }
  }

  private void enqueue(DeploymentKey key) {
    if (pending.add(key)) {
      submit(
          () -> {
            // Removed before the pass: a change made during the pass queues another one.
            pending.remove(key);
            reconcile(key);
          });
    }
  }

  private void reconcile(DeploymentKey key) {
    try {
      reconciler.reconcile(key);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "reconcile of " + key + " failed, retrying", e);
      schedule(() -> enqueue(key), RETRY_DELAY);
    }
  }

  private void scheduleReady(String namespace, String podName, String image) {
    Duration first = startup.firstDelay(image);
    if (PodStartup.kindOf(image) == PodStartup.Kind.CRASHLOOP) {
      scheduleCrash(namespace, podName, 0, first);
    } else {
      schedule(() -> reconciler.markReady(namespace, podName), first);
    }
  }

  /**
   * The next crash of a crashloop pod, and after it the next, with a growing back-off, while the
   * pod exists. Not counted as outstanding work: a crash loop never ends, and {@link #idle()} must.
   */
  private void scheduleCrash(String namespace, String podName, int restarts, Duration delay) {
    try {
      executor.schedule(
          guarded(
              () -> {
                if (reconciler.crash(namespace, podName)) {
                  scheduleCrash(namespace, podName, restarts + 1, startup.backoff(restarts + 1));
                }
              }),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the emulator is shutting down
    }
  }

  private void schedule(Runnable task, Duration delay) {
    outstanding.incrementAndGet();
    try {
      executor.schedule(
          () -> {
            try {
              guarded(task).run();
            } finally {
              outstanding.decrementAndGet();
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      outstanding.decrementAndGet(); // the emulator is shutting down; dropping work is fine
    }
  }

  /**
   * Whether no work is queued or running (pods still to become Ready count as work): what a
   * benchmark waits for before it measures, so the controller does not compete for the CPU.
   */
  public boolean idle() {
    return outstanding.get() == 0;
  }

  private void submit(Runnable task) {
    schedule(task, Duration.ZERO);
  }

  /** Keeps one bad object (unparseable, half-deleted) from silently killing scheduled work. */
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "kube emulator controller task failed", e);
      }
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
