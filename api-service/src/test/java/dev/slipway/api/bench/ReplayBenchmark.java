package dev.slipway.api.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * P6 (issue 8): a filtered dead-letter replay job through the API against the bare SQS loop doing
 * the same queue work, side by side in one run. Each round fills the DLQ with {@code
 * bench.messages} dead letters of real tenants, half of them matching the filter ({@code
 * types=[UPDATE]}), and times the bare loop, then a job per mode, from the job's creation to its
 * end (database timestamps). Not a test (the name does not end in Test): run with {@code
 * -Dtest=ReplayBenchmark}. Options: {@code -Dbench.messages=2000 -Dbench.rounds=3 -Dbench.rate=2000
 * -Dbench.modes=resend,rederive}.
 */
@QuarkusTest
@TestProfile(ReplayBenchmark.Unthrottled.class)
class ReplayBenchmark {
  private static final int MESSAGES = Integer.getInteger("bench.messages", 2000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int PER_TENANT = Integer.getInteger("bench.perTenant", 10);
  private static final int RATE = Integer.getInteger("bench.rate", 2000);
  private static final String MODES = System.getProperty("bench.modes", "resend,rederive");
  private static final int VISIBILITY_SECONDS = 30;

  /**
   * The job's rate cap raised to the benchmark's rate, a pass allowed to see every message, and the
   * production hold and sweep times instead of the test profile's short ones.
   */
  public static class Unthrottled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "slipway.api.ops.max-rate",
          Integer.toString(RATE),
          "slipway.api.ops.max-scan",
          Integer.toString(Math.max(1000, 2 * MESSAGES)),
          "slipway.api.ops.scan-visibility",
          VISIBILITY_SECONDS + "s",
          "slipway.api.ops.job-stale-after",
          "2m",
          "slipway.api.ops.job-sweep-interval",
          "30s");
    }
  }

  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  @Test
  void replayAgainstBareLoop() throws Exception {
    String dlqUrl = config.ops().dlqUrl().orElseThrow();
    DeadLetterFill fill = new DeadLetterFill(db, sqs, dlqUrl, config.queueUrl());
    BareReplay bare = new BareReplay(sqs, dlqUrl, config.queueUrl());
    JobTimes times = new JobTimes(db);
    List<String> modes = List.of(MODES.split(","));
    Map<String, List<JobTimes.Run>> runs = new LinkedHashMap<>();
    for (int round = -1; round < ROUNDS; round++) { // round -1 warms up, at a quarter of the size
      int size = round < 0 ? Math.max(10, MESSAGES / 4) : MESSAGES;
      record(runs, round, "bare loop", bareRound(fill, bare, size));
      for (String mode : modes) {
        fill.clear();
        times.awaitOutboxSent();
        DeadLetterFill.Filled filled = fill.fill(size, PER_TENANT);
        record(runs, round, mode, times.measure(startJob(mode, filled, size), filled.matching()));
      }
    }
    fill.clear();
    report(runs);
  }

  private static void record(
      Map<String, List<JobTimes.Run>> runs, int round, String name, JobTimes.Run run) {
    System.out.printf(Locale.ROOT, "round %d, %s: %s, %.0f/s%n", round, name, run, run.perSecond());
    if (round >= 0) {
      runs.computeIfAbsent(name, n -> new ArrayList<>()).add(run);
    }
  }

  private JobTimes.Run bareRound(DeadLetterFill fill, BareReplay bare, int size) throws Exception {
    fill.clear();
    DeadLetterFill.Filled filled = fill.fill(size, PER_TENANT);
    long start = System.nanoTime();
    int moved = bare.run(filled.tenants(), VISIBILITY_SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    check(moved == filled.matching(), "bare loop moved " + moved + " of " + filled.matching());
    System.out.println("bare loop, milliseconds by call: " + bare.millis);
    return new JobTimes.Run(moved, seconds, 0, seconds, 0);
  }

  private String startJob(String mode, DeadLetterFill.Filled filled, int size) {
    String body =
        "{\"filter\":{\"tenants\":[\""
            + String.join("\",\"", filled.tenants())
            + "\"]},\"mode\":\""
            + mode
            + "\",\"ratePerSecond\":"
            + RATE
            + ",\"maxCount\":"
            + size
            + ",\"reason\":\"P6 benchmark\"}";
    String location =
        TestApi.as(TestTokens.ops())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/v1/ops/dead-letters/replay")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static void report(Map<String, List<JobTimes.Run>> runs) {
    double bare = JobTimes.median(runs.get("bare loop")).perSecond();
    System.out.printf(
        "%n%d dead letters, %d per tenant, half matching; job rate %d/s; medians of %d rounds%n"
            + "| run | matched | messages/s | spread (min–max) | / bare loop"
            + " | start s | pass s | end s |%n|---|---:|---:|---:|---:|---:|---:|---:|%n",
        MESSAGES, PER_TENANT, RATE, ROUNDS);
    runs.forEach(
        (name, list) -> {
          JobTimes.Run m = JobTimes.median(list);
          double min = list.stream().mapToDouble(JobTimes.Run::perSecond).min().orElse(0);
          double max = list.stream().mapToDouble(JobTimes.Run::perSecond).max().orElse(0);
          System.out.println(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %,.0f | %,.0f–%,.0f | %.0f %% | %.2f | %.2f | %.2f |",
                  name,
                  m.matched(),
                  m.perSecond(),
                  min,
                  max,
                  100 * m.perSecond() / bare,
                  m.start(),
                  m.pass(),
                  m.end()));
        });
    System.out.println(
        "start: creation to started_at (thread, ledger read); pass: to the last"
            + " ledger entry; end: final empty receive, release, finish");
  }

  /** Fails the benchmark rather than report a figure for a job that did not finish its work. */
  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(condition);
  }
}
