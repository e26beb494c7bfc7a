package dev.slipway.e2e.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jepsen-style convergence under faults (issue 9). A load generator drives tenants through the API
 * (through a proxy that can lose replies) and records every request's outcome; each test injects
 * one fault, repeatedly, under that load, heals it, and then the {@link Checker} must find, within
 * the deadline, every acknowledged change in the database and the cluster exactly once, nothing for
 * refused requests and no operation left open. Timings and deadline: {@link ConvergenceRun}.
 * Reduced mode by default; {@code -Dslipway.convergence.mode=full} for the documented run ({@code
 * ./slipway convergence}).
 */
class ConvergenceIT {
  @TempDir static Path stateDir;
  static ConvergenceRun run;

  @BeforeAll
  static void startStack() throws Exception {
    run = ConvergenceRun.start(stateDir);
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void workerKilledAtRandomPointsOfProcessing() {
    run.phase("worker kill -9", "wk", () -> run.kills.killWorker(run.mode.workerKills()));
  }

  @Test
  void apiKilledBetweenCommitAndReply() {
    run.phase("API kill -9", "ak", () -> run.kills.killApi(run.mode.apiKills()));
    // Each lost reply was a 2xx for a committed change: its retry must get the stored answer.
    List<String> lost = run.proxy.interceptedKeys();
    List<String> notReplayed =
        lost.stream()
            .filter(
                key -> {
                  History.Exchange e = run.history.byKey(key);
                  return e == null || e.status() >= 300 || !e.replayed();
                })
            .toList();
    System.out.printf(
        "convergence[API kill -9]: %d replies lost after the commit, %d retries answered from the"
            + " stored response%n",
        lost.size(), lost.size() - notReplayed.size());
    assertEquals(List.of(), notReplayed, "retries after a lost reply executed again");
    assertEquals((run.mode.apiKills() + 1) / 2, lost.size(), "replies lost after the commit");
  }

  @Test
  void queueRestartedLosingItsMessages() {
    run.phase(
        "ElasticMQ restarted (messages lost)",
        "qr",
        () -> run.nemesis.restartQueue(run.mode.queueRestarts()));
  }

  @Test
  void queueUnavailableForAWhile() {
    run.phase(
        "ElasticMQ unavailable",
        "qo",
        () -> run.nemesis.queueOutage(run.mode.queueOutages(), run.mode.queueOutage()));
  }

  @Test
  void postgresRestartedUnderLoad() {
    run.phase(
        "PostgreSQL restarted",
        "pg",
        () -> run.nemesis.restartPostgres(run.mode.postgresRestarts(), run.mode.postgresDown()));
  }

  @Test
  void kubernetesAnswers409And429And5xxInBursts() {
    run.phase(
        "Kubernetes 409/429/5xx bursts",
        "kb",
        () -> run.nemesis.kubeErrorBursts(run.mode.kubeBursts(), run.mode.burstSize()));
  }

  @Test
  void kubernetesSlowerThanTheVisibilityTimeout() {
    run.phase(
        "Kubernetes slow (past visibility)",
        "ks",
        () -> run.nemesis.kubeSlow(run.mode.slowRequests()));
  }

  @Test
  void duplicateAndReorderedDeliveries() {
    run.phase(
        "duplicate and reordered deliveries",
        "dr",
        () -> run.nemesis.resend(run.mode.resendRounds()));
  }

  /** The checker itself: a lost tenant and a stray object must not pass unnoticed. */
  @Test
  void checkerReportsWhatIsLostAndWhatIsUnexpected() throws Exception {
    History fake = new History();
    TenantModel ghost = new TenantModel("self-check", "ghost-" + System.nanoTime());
    ghost.created(UUID.randomUUID(), "small", 1);
    fake.tenant(ghost);
    String stray = "stray-" + System.nanoTime();
    var secrets = run.running.kube().secrets().inNamespace(ClusterView.NAMESPACE);
    secrets
        .resource(new SecretBuilder().withNewMetadata().withName(stray).endMetadata().build())
        .create();
    try {
      Findings.Report report = run.checker.check(fake);
      assertTrue(
          report.findings().stream().anyMatch(f -> f.startsWith("lost: " + ghost.slug())),
          report.details(5));
      assertTrue(
          report.findings().contains("unexpected: objects no request explains: " + stray),
          report.details(50));
    } finally {
      secrets.withName(stray).delete();
    }
  }
}
