package dev.slipway.api.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Two relays, each on its own thread, own connections and own publisher, running rounds back to
 * back (no waiting: the most contention two replicas can produce). Records what each one sent.
 */
final class RelayPair implements AutoCloseable {
  private final List<RelayRound> rounds = new ArrayList<>();
  private final List<List<Long>> sent = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> error = new AtomicReference<>();
  private volatile boolean running = true;

  RelayPair(DataSource dataSource, SqsClient sqs, String queueUrl, int batchSize) {
    for (int i = 0; i < 2; i++) {
      rounds.add(
          new RelayRound(
              dataSource,
              new SqsPublisher(
                  sqs,
                  queueUrl,
                  new RelayTracing(io.opentelemetry.api.OpenTelemetry.noop().getTracer("test"))),
              batchSize));
      sent.add(Collections.synchronizedList(new ArrayList<>()));
    }
  }

  void start() {
    for (int i = 0; i < 2; i++) {
      int relay = i;
      Thread t = new Thread(() -> loop(relay), "test-relay-" + relay);
      threads.add(t);
      t.start();
    }
  }

  private void loop(int relay) {
    try {
      while (running) {
        RelayRound.Outcome outcome = rounds.get(relay).run();
        if (outcome.failed()) {
          throw new IllegalStateException("publish failed: " + outcome.error());
        }
        sent.get(relay).addAll(outcome.sent());
      }
    } catch (Exception | AssertionError e) {
      error.compareAndSet(null, e);
    }
  }

  int sentTotal() {
    return sent.get(0).size() + sent.get(1).size();
  }

  int sentBy(int relay) {
    return sent.get(relay).size();
  }

  List<Long> sentByEither() {
    List<Long> all = new ArrayList<>(sent.get(0));
    all.addAll(sent.get(1));
    return all;
  }

  Throwable error() {
    return error.get();
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(10_000);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
