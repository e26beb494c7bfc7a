package dev.slipway.worker.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.local.tools.ExternalTool;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * P3 (issue 8, issue 26): a burst of queued creates drained by the worker, side by side with {@code
 * kubectl apply --server-side} of the same rendered manifests and with a bare apply loop (fabric8,
 * no database, no queue: the emulator's own limit for this work). The worker runs with its shipped
 * settings unless {@code -Dbench.variant=tuned} ({@link BurstSettings}); each measured drain is
 * recorded with JFR and its CPU time counted per part ({@link CpuAccount}, {@link DrainProfile}).
 * Not a test (the name does not end in Test): run with {@code -Dtest=WorkerBurstBenchmark}; see
 * docs/benchmarks.md for the options.
 */
@QuarkusTest
@TestProfile(BurstSettings.class)
class WorkerBurstBenchmark {
  private static final int TENANTS = Integer.getInteger("bench.tenants", 2000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  private static final int RAW_THREADS = Integer.getInteger("bench.rawThreads", 8);

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;
  @Inject FleetConfig fleet;
  // The admin: only the worker writes to the cluster, and a test arranges or inspects it.
  private final io.fabric8.kubernetes.client.KubernetesClient kube =
      KubeEmulatorTestResource.adminClient();

  @Test
  void drainAgainstKubectlAndRawLoop() throws Exception {
    // The shipped queue's visibility (deploy/terraform's default, 60 s), not the test queue's 2 s:
    // the shipped heartbeat extends held messages only every 10 s.
    sqs.setQueueAttributes(
        b ->
            b.queueUrl(config.queueUrl())
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60")));
    System.out.printf(
        "variant: %s (workers %d, max in flight %d, receivers %d, pacing %s, qps %.0f)%n",
        BurstSettings.VARIANT,
        config.consumer().workers(),
        config.consumer().maxInFlight(),
        config.consumer().receivers(),
        config.kubernetes().pacing(),
        config.kubernetes().qps());
    worker("warm", WARMUP);
    rawLoop("warm", WARMUP);
    List<Double> worker = new ArrayList<>();
    List<Double> kubectl = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> queue = new ArrayList<>();
    boolean withKubectl = Files.isExecutable(Path.of(KUBECTL));
    List<DrainCpu> cpu = new ArrayList<>();
    Map<String, Long> byPool = new java.util.HashMap<>();
    List<Double> rawCpu = new ArrayList<>();
    DrainProfile profile = new DrainProfile(Thread.currentThread().getId());
    for (int round = 0; round < ROUNDS; round++) {
      System.out.printf("load: %s (round %d)%n", load(), round);
      worker.add(profiled("w" + round, profile, cpu, byPool));
      CpuAccount rawAccount = CpuAccount.start();
      raw.add(rawLoop("r" + round, TENANTS));
      rawCpu.add(rawAccount.stop().processNanos() / 1e6 / TENANTS);
      queue.add(new QueueDrain(sqs).run(commandBodies(TENANTS), config.consumer().receivers()));
      if (withKubectl) {
        kubectl.add(kubectl("k" + round, Math.min(TENANTS, KUBECTL_TENANTS)));
      }
    }
    double w = median(worker);
    double r = median(raw);
    System.out.printf(
        "%n| path | tenants | tenants/s (median of %d) | all rounds |%n|---|---:|---:|---|%n",
        ROUNDS);
    System.out.printf(
        "| worker (queue, database, apply) | %d | %,.0f | %s |%n", TENANTS, w, worker);
    System.out.printf(
        "| bare apply loop (%d threads) | %d | %,.0f | %s |%n", RAW_THREADS, TENANTS, r, raw);
    System.out.printf(
        "| queue only (receive + delete, %d receivers) | %d | %,.0f | %s |%n",
        config.consumer().receivers(), TENANTS, median(queue), queue);
    if (withKubectl) {
      double k = median(kubectl);
      System.out.printf(
          "| kubectl apply --server-side | %d | %,.1f | %s |%n",
          Math.min(TENANTS, KUBECTL_TENANTS), k, kubectl);
      System.out.printf("worker / kubectl = %.1fx%n", w / k);
    }
    System.out.printf("worker / bare loop = %.0f %%%n", 100 * w / r);
    System.out.printf("worker / queue only = %.0f %%%n", 100 * w / median(queue));
    System.out.print(DrainCpu.table(cpu));
    System.out.printf(
        "bare apply loop CPU per tenant (whole JVM: client and emulator): %.2f ms%n",
        median(rawCpu));
    System.out.print(DrainCpu.pools(byPool, TENANTS * ROUNDS, 10));
    System.out.print(profile.report(15));
    System.out.printf("load: %s (end)%n", load());
  }

  /** A measured drain: its rate, and its CPU and JFR profile added to the run's. */
  private double profiled(
      String prefix, DrainProfile profile, List<DrainCpu> cpu, Map<String, Long> byPool)
      throws Exception {
    Path jfr = Path.of("target", "bench", "p3-" + BurstSettings.VARIANT + "-" + prefix + ".jfr");
    PostgresCpu postgres = new PostgresCpu(postgresPort());
    long postgresStart = postgres.nanos();
    CpuAccount account = CpuAccount.start();
    profile.start();
    double rate = worker(prefix, TENANTS);
    profile.stop(jfr);
    CpuAccount.Usage usage = account.stop();
    long postgresUsed = postgres.nanos() - postgresStart;
    profile.read(jfr);
    cpu.add(
        DrainCpu.of(usage, profile, postgresUsed, TENANTS, Thread.currentThread().getId(), byPool));
    return rate;
  }

  private static int postgresPort() {
    String url =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.datasource.reactive.url", String.class);
    return java.net.URI.create(url.substring(url.indexOf(':') + 1)).getPort();
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }

  /** Bodies of the size the worker receives: encoded CREATE commands. */
  private static List<String> commandBodies(int count) {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add(createCommand(UUID.randomUUID(), UUID.randomUUID(), "drain-" + i));
    }
    return bodies;
  }

  /** A CREATE for generation 1, encoded as the relay sends it. */
  private static String createCommand(UUID operation, UUID tenant, String slug) {
    return CommandCodec.encode(
        CommandEnvelope.of(
            operation, OperationType.CREATE, tenant, slug, 1, Instant.now(), Map.of()));
  }

  private static final String KUBECTL = System.getProperty("bench.kubectl", "/usr/bin/kubectl");
  private static final int KUBECTL_TENANTS = Integer.getInteger("bench.kubectlTenants", 500);

  /**
   * Queues {@code count} creates (rows as the API writes them, commands as the relay sends them)
   * and returns tenants/s from the first operation started to the last finished: the drain rate of
   * the backlog, since sending runs far ahead of the worker.
   */
  private double worker(String prefix, int count) {
    String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    List<UUID> tenants = new ArrayList<>();
    List<UUID> operations = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tenants.add(UUID.randomUUID());
      operations.add(UUID.randomUUID());
      slugs.add(run + "-" + i);
    }
    insertRows(tenants, operations, slugs);
    List<SendMessageBatchRequestEntry> commands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      commands.add(
          SendMessageBatchRequestEntry.builder()
              .messageGroupId(tenants.get(i).toString())
              .messageDeduplicationId(operations.get(i).toString())
              .messageBody(createCommand(operations.get(i), tenants.get(i), slugs.get(i)))
              .build());
    }
    QueueDrain.send(sqs, config.queueUrl(), commands);
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> finished(run) == count);
    return rate(run, count);
  }

  private void insertRows(List<UUID> tenants, List<UUID> operations, List<String> slugs) {
    pool.preparedQuery(
            "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, gateway_url)"
                + " SELECT t, s, 'RUNNING', 1, 'token-' || s, 'wss://' || s || '.example.com'"
                + " FROM unnest($1::uuid[], $2::text[]) AS u(t, s)")
        .execute(Tuple.of(tenants.toArray(new UUID[0]), slugs.toArray(new String[0])))
        .await()
        .indefinitely();
    pool.preparedQuery(
            "INSERT INTO operations (id, tenant_id, type, generation)"
                + " SELECT o, t, 'CREATE', 1 FROM unnest($1::uuid[], $2::uuid[]) AS u(o, t)")
        .execute(Tuple.of(operations.toArray(new UUID[0]), tenants.toArray(new UUID[0])))
        .await()
        .indefinitely();
  }

  private long finished(String run) {
    return pool.preparedQuery(
            "SELECT count(*) FROM operations o JOIN tenants t ON t.id = o.tenant_id"
                + " WHERE t.slug LIKE $1 AND o.status = 'SUCCEEDED'")
        .execute(Tuple.of(run + "-%"))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  private double rate(String run, int count) {
    var row =
        pool.preparedQuery(
                "SELECT extract(epoch FROM max(o.finished_at) - min(o.started_at))"
                    + " FROM operations o JOIN tenants t ON t.id = o.tenant_id"
                    + " WHERE t.slug LIKE $1")
            .execute(Tuple.of(run + "-%"))
            .await()
            .indefinitely()
            .iterator()
            .next();
    return count / row.getDouble(0);
  }

  /** The same four objects per tenant applied by fabric8 from a few threads: no GET, no DB. */
  private double rawLoop(String prefix, int count) throws Exception {
    List<HasMetadata> objects = rendered(prefix, count);
    long start = System.nanoTime();
    Thread[] threads = new Thread[RAW_THREADS];
    for (int t = 0; t < RAW_THREADS; t++) {
      int first = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = first; i < objects.size(); i += RAW_THREADS) {
                  kube.resource(objects.get(i))
                      .fieldManager("slipway")
                      .forceConflicts()
                      .serverSideApply();
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** {@code kubectl apply --server-side} of the rendered manifests in one file, timed. */
  private double kubectl(String prefix, int count) throws Exception {
    Path dir = Files.createTempDirectory("slipway-kubectl");
    Path kubeconfig =
        KubeEmulatorTestResource.emulator().writeKubeconfig(dir.resolve("kubeconfig"));
    Path manifests = dir.resolve("tenants.yaml");
    StringBuilder yaml = new StringBuilder();
    for (HasMetadata object : rendered(prefix, count)) {
      yaml.append("---\n").append(io.fabric8.kubernetes.client.utils.Serialization.asYaml(object));
    }
    Files.writeString(manifests, yaml);
    long start = System.nanoTime();
    List<String> command =
        List.of(
            KUBECTL,
            "--kubeconfig",
            kubeconfig.toString(),
            "apply",
            "--server-side",
            "--force-conflicts",
            "--field-manager=slipway",
            "--validate=false",
            "-f",
            manifests.toString());
    ExternalTool.run(dir, command, Map.of(), Duration.ofMinutes(10)).orThrow(command);
    double seconds = (System.nanoTime() - start) / 1e9;
    return count / seconds;
  }

  private List<HasMetadata> rendered(String prefix, int count) {
    String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    List<HasMetadata> objects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String slug = run + "-" + i;
      TenantSpec spec =
          new TenantSpec(UUID.randomUUID(), slug, 1, DesiredState.RUNNING, 1, "token-" + slug);
      objects.addAll(TenantRenderer.render(spec, fleet.renderSettings()).inApplyOrder());
    }
    return objects;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
