package dev.slipway.api.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.jobs.JobKind;
import dev.slipway.api.jobs.OpsJobRepository;
import dev.slipway.api.jobs.OpsJobRow;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Replay and purge jobs: each run is one {@link JobPass} over the DLQ. */
@ApplicationScoped
@Unremovable // found through Instance<JobKind> only
class DeadLetterJob implements JobKind {
  private final ExecutorService receives =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "slipway-ops-receive");
            t.setDaemon(true);
            return t;
          });
  private final ApiConfig config;
  private final OpsJobRepository jobs;
  private final DeadLetterOutcomeRepository ledger;
  private final DeadLetterQueue queue;
  private final ReplayStep step;
  private final ObjectMapper json;

  DeadLetterJob(
      ApiConfig config,
      OpsJobRepository jobs,
      DeadLetterOutcomeRepository ledger,
      DeadLetterQueue queue,
      ReplayStep step,
      ObjectMapper json) {
    this.config = config;
    this.jobs = jobs;
    this.ledger = ledger;
    this.queue = queue;
    this.step = step;
    this.json = json;
  }

  @Override
  public boolean runs(String action) {
    return "REPLAY".equals(action) || "PURGE".equals(action);
  }

  /**
   * Marks the start (the total so far: what earlier runs handled) and runs one pass over the DLQ,
   * which counts the matches it finds into the total as it goes.
   */
  @Override
  public boolean run(OpsJobRow job) throws InterruptedException {
    DeadLetterFilter filter = filter(job.filter());
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
            receives)
        .run();
  }

  private DeadLetterFilter filter(String text) {
    try {
      return json.readValue(text, DeadLetterFilter.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored dead-letter filter is unreadable", e);
    }
  }

  void shutdown(@Observes ShutdownEvent event) {
    receives.shutdownNow();
  }
}
