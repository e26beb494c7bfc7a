package dev.slipway.api.service;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.OpsJobRepository;
import dev.slipway.api.repository.OpsJobRow;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.jboss.logging.Logger;

/**
 * Runs replay and purge jobs on a small pool of this process's threads. A job interrupted by
 * shutdown releases what it holds and stays RUNNING; its heartbeat goes stale and {@link
 * JobSweeper} (here or on another replica) resumes it.
 */
@ApplicationScoped
public class JobRunner {
  private static final Logger LOG = Logger.getLogger(JobRunner.class);
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;
  private final ExecutorService receives =
      Executors.newCachedThreadPool(daemon("slipway-ops-receive"));
  private final ApiConfig config;
  private final OpsJobRepository jobs;
  private final DeadLetterOutcomeRepository ledger;
  private final DeadLetterQueue queue;
  private final ReplayStep step;
  private final OpsAudit audit;
  private final OpsJson json;

  JobRunner(
      ApiConfig config,
      OpsJobRepository jobs,
      DeadLetterOutcomeRepository ledger,
      DeadLetterQueue queue,
      ReplayStep step,
      OpsAudit audit,
      OpsJson json) {
    this.config = config;
    this.jobs = jobs;
    this.ledger = ledger;
    this.queue = queue;
    this.step = step;
    this.audit = audit;
    this.json = json;
    this.threads =
        Executors.newFixedThreadPool(config.ops().jobThreads(), daemon("slipway-ops-job"));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts (or resumes) a job unless this process already runs it. */
  public void submit(OpsJobRow job) {
    if (running.add(job.id())) {
      threads.submit(() -> run(job));
    }
  }

  private void run(OpsJobRow job) {
    try {
      boolean completed = pass(job).run();
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

  /**
   * Marks the start (the total so far: what earlier runs handled) and sets up one pass over the
   * DLQ, which counts the matches it finds into the total as it goes.
   */
  private JobPass pass(OpsJobRow job) {
    DeadLetterFilter filter = json.filter(job.filter());
    var recorded = ledger.forJob(job.id()).await().indefinitely();
    jobs.started(job.id(), job.handled()).await().indefinitely();
    return new JobPass(
        job,
        filter,
        recorded,
        queue,
        step,
        jobs,
        config.ops().scanVisibility(),
        config.ops().maxScan(),
        receives);
  }

  private void end(OpsJobRow job, String status, String error) {
    OpsJobRow ended = jobs.finish(job.id(), status, error).await().indefinitely();
    audit.jobEnded(ended).await().indefinitely();
    LOG.infof(
        "ops job %s %s: done %d, skipped %d, failed %d",
        job.id(), ended.status(), ended.done(), ended.skipped(), ended.failed());
  }

  void shutdown(@Observes ShutdownEvent event) {
    threads.shutdownNow();
    receives.shutdownNow();
  }
}
