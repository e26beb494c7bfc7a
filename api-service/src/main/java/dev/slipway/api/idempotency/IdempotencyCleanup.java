package dev.slipway.api.idempotency;

import dev.slipway.api.config.ApiConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Deletes idempotency keys past their retention, in bounded batches. */
@ApplicationScoped
public class IdempotencyCleanup {
  private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);
  private static final int BATCH = 1_000;
  private final IdempotencyRepository keys;
  private final ApiConfig config;

  IdempotencyCleanup(IdempotencyRepository keys, ApiConfig config) {
    this.keys = keys;
    this.config = config;
  }

  @Scheduled(every = "${slipway.api.idempotency.cleanup-interval}", delayed = "1m")
  void cleanUp() {
    int deleted = deleteExpired();
    if (deleted > 0) {
      LOG.infof("deleted %d expired idempotency keys", deleted);
    }
  }

  /** Deletes every key older than the retention; returns how many. */
  public int deleteExpired() {
    Duration retention = config.idempotency().retention();
    int total = 0;
    int deleted;
    do {
      deleted = keys.deleteOlderThan(retention, BATCH).await().atMost(Duration.ofMinutes(1));
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
