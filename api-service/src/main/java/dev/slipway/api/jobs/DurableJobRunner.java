package dev.slipway.api.jobs;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs jobs (each by the {@link JobKind} of its action) on a small pool of this process's threads
 * and records how each ended. A job interrupted by shutdown releases what it holds and stays
 * RUNNING; its heartbeat goes stale and {@link JobSweeper} (here or on another replica) resumes it.
 */
@ApplicationScoped
public class DurableJobRunner {
  private static final Logger LOG = Logger.getLogger(DurableJobRunner.class);
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;
  private final OpsJobRepository jobs;
  private final AuditedJobs audited;
  private final Instance<JobKind> kinds;

  DurableJobRunner(
      ApiConfig config, OpsJobRepository jobs, AuditedJobs audited, @Any Instance<JobKind> kinds) {
    this.jobs = jobs;
    this.audited = audited;
    this.kinds = kinds;
    this.threads =
        Executors.newFixedThreadPool(
            config.ops().jobThreads(),
            r -> {
              Thread t = new Thread(r, "slipway-ops-job");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts (or resumes) a job unless this process already runs it. */
  public void submit(OpsJobRow job) {
    if (running.add(job.id())) {
      threads.submit(() -> run(job));
    }
  }

  private void run(OpsJobRow job) {
    try {
      boolean completed = kindOf(job).run(job);
      end(job, completed ? "SUCCEEDED" : "CANCELLED", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: left RUNNING, resumed elsewhere
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        return; // a wait cut short by shutdown, not a failure: left RUNNING, resumed elsewhere
      }
      LOG.errorf(e, "ops job %s failed", job.id());
      end(job, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      running.remove(job.id());
    }
  }

  private JobKind kindOf(OpsJobRow job) {
    for (JobKind kind : kinds) {
      if (kind.runs(job.action())) {
        return kind;
      }
    }
    throw new IllegalStateException("no job kind runs " + job.action());
  }

  private void end(OpsJobRow job, String status, String error) {
    OpsJobRow ended = jobs.finish(job.id(), status, error).await().indefinitely();
    audited.ended(ended).await().indefinitely();
    LOG.infof(
        "ops job %s %s: done %d, skipped %d, failed %d",
        job.id(), ended.status(), ended.done(), ended.skipped(), ended.failed());
  }

  void shutdown(@Observes ShutdownEvent event) {
    threads.shutdownNow();
  }
}
