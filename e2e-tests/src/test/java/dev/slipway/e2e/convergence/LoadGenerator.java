package dev.slipway.e2e.convergence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load of creates, updates, stops, starts and deletes: {@code sessions} tenants driven at
 * once, each finished one replaced by a new one while the load runs. Every eighth session is a
 * create that must be refused (an unknown plan).
 */
final class LoadGenerator implements TenantSession.Load, AutoCloseable {
  private final ApiClient api;
  private final History history;
  private final int sessions;
  private final Random seeds;
  private final String run;
  private final ScheduledExecutorService scheduler;
  private final Set<TenantSession> active = ConcurrentHashMap.newKeySet();
  private final AtomicInteger serial = new AtomicInteger();
  private volatile boolean running;
  private volatile String phase;
  private volatile String tag;

  LoadGenerator(ApiClient api, History history, int sessions, long seed) {
    this.api = api;
    this.history = history;
    this.sessions = sessions;
    this.seeds = new Random(seed);
    this.run = Long.toHexString(seed & 0xfffff);
    this.scheduler = Executors.newScheduledThreadPool(sessions + 2);
  }

  /** Starts the load of one phase; {@code tag} (a few letters) goes into its tenants' slugs. */
  synchronized void start(String phase, String tag) {
    this.phase = phase;
    this.tag = tag;
    this.running = true;
    for (int i = 0; i < sessions; i++) {
      launch();
    }
  }

  /** No new requests from now on; requests under way still get their definite answer. */
  void stop() {
    running = false;
  }

  /** Waits until every session has its last answer. */
  void awaitQuiet(Duration atMost) {
    await("load quiet").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(active::isEmpty);
  }

  private void launch() {
    String slug = "c%s-%s-%d".formatted(run, tag, serial.incrementAndGet());
    boolean refused = serial.get() % 8 == 0;
    TenantSession session =
        new TenantSession(
            new TenantModel(phase, slug), this, new Random(seeds.nextLong()), refused);
    active.add(session);
    session.start();
  }

  @Override
  public ApiClient api() {
    return api;
  }

  @Override
  public History history() {
    return history;
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  @Override
  public boolean running() {
    return running;
  }

  @Override
  public synchronized void ended(TenantSession session) {
    if (active.remove(session) && running) {
      launch();
    }
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
  }
}
