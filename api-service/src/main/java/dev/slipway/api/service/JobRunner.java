package dev.slipway.api.service;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.repository.DeadLetterOutcomeRepository;
import dev.slipway.api.repository.OpsJobRepository;
import dev.slipway.api.repository.OpsJobRow;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
  private final ApiConfig config;
  private final OpsJobRepository jobs;
  private final DeadLetterOutcomeRepository ledger;
  private final DeadLetterQueue queue;
  private final DeadLetterScanner scanner;
  private final ReplayStep step;
  private final OpsAudit audit;
  private final OpsJson json;

  JobRunner(
      ApiConfig config,
      OpsJobRepository jobs,
      DeadLetterOutcomeRepository ledger,
      DeadLetterQueue queue,
      DeadLetterScanner scanner,
      ReplayStep step,
      OpsAudit audit,
      OpsJson json) {
    this.config = config;
    this.jobs = jobs;
    this.ledger = ledger;
    this.queue = queue;
    this.scanner = scanner;
    this.step = step;
    this.audit = audit;
    this.json = json;
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
   * Scans what is left (counting the total) and marks the start. The pass takes over what the scan
   * holds when its work fits in half the hold time, rather than releasing it all and receiving it
   * again; otherwise the scan releases everything, as a listing does.
   */
  private JobPass pass(OpsJobRow job) {
    DeadLetterFilter filter = json.filter(job.filter());
    var recorded = ledger.forJob(job.id()).await().indefinitely();
    long scanStart = System.nanoTime();
    List<DeadLetter> scanned = scanner.hold();
    try {
      Instant now = Instant.now();
      long left = scanned.stream().filter(m -> JobPass.wanted(filter, recorded, m, now)).count();
      int work = (int) Math.min(left, Math.max(0, job.maxCount() - job.handled()));
      jobs.started(job.id(), job.handled() + work).await().indefinitely();
      Duration hold = config.ops().scanVisibility();
      List<DeadLetter> handedOver = scanned;
      if (!Pacer.fitsInHold(System.nanoTime() - scanStart, work, job.ratePerSecond(), hold)) {
        queue.release(scanned);
        handedOver = List.of();
      }
      return new JobPass(
          job, filter, recorded, handedOver, queue, step, jobs, hold, config.ops().maxScan());
    } catch (RuntimeException e) {
      queue.release(scanned);
      throw e;
    }
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
  }
}
