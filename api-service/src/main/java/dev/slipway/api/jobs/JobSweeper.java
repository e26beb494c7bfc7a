package dev.slipway.api.jobs;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Resumes jobs whose process died: a RUNNING job with a stale heartbeat is claimed (one replica
 * wins, SKIP LOCKED) and run again. The ledger makes the re-run safe: messages already replaced are
 * only deleted from the DLQ, nothing is replaced twice.
 */
@ApplicationScoped
public class JobSweeper {
  private static final Logger LOG = Logger.getLogger(JobSweeper.class);
  private final OpsJobRepository jobs;
  private final DurableJobRunner runner;
  private final ApiConfig config;

  JobSweeper(OpsJobRepository jobs, DurableJobRunner runner, ApiConfig config) {
    this.jobs = jobs;
    this.runner = runner;
    this.config = config;
  }

  @Scheduled(
      every = "${slipway.api.ops.job-sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    if (config.ops().dlqUrl().isEmpty()) {
      return;
    }
    try {
      jobs.claimOrphan(config.ops().jobStaleAfter())
          .await()
          .indefinitely()
          .ifPresent(
              job -> {
                LOG.infof("resuming ops job %s left running by a stopped process", job.id());
                runner.submit(job);
              });
    } catch (RuntimeException e) {
      LOG.debugf("ops job sweep failed: %s", e.getMessage());
    }
  }
}
