package dev.slipway.api.outbox;

import io.opentelemetry.api.trace.Tracer;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One relay round as {@link OutboxRelay} runs it (claim, publish to the queue, stamp, commit),
 * callable from a benchmark outside this package; the benchmark disables the relay's own thread so
 * that it alone drives the rounds it times.
 */
public final class RelayRoundProbe {
  private final RelayRound round;

  public RelayRoundProbe(
      DataSource dataSource, SqsClient sqs, String queueUrl, Tracer tracer, int batchSize) {
    this.round =
        new RelayRound(
            dataSource, new SqsPublisher(sqs, queueUrl, new RelayTracing(tracer)), batchSize);
  }

  /** Runs one round; the number of rows it sent. */
  public int run() throws Exception {
    RelayRound.Outcome outcome = round.run();
    if (outcome.failed()) {
      throw new IllegalStateException("relay round failed: " + outcome.error());
    }
    return outcome.sent().size();
  }
}
