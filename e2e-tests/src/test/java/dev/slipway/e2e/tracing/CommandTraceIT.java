package dev.slipway.e2e.tracing;

import static dev.slipway.e2e.tracing.Traces.API;
import static dev.slipway.e2e.tracing.Traces.APPLY;
import static dev.slipway.e2e.tracing.Traces.PASS;
import static dev.slipway.e2e.tracing.Traces.PROCESS;
import static dev.slipway.e2e.tracing.Traces.PUBLISH;
import static dev.slipway.e2e.tracing.Traces.RECONCILER;
import static dev.slipway.e2e.tracing.Traces.REPAIR;
import static dev.slipway.e2e.tracing.Traces.REPLAY;
import static dev.slipway.e2e.tracing.Traces.STATUS_WRITE;
import static dev.slipway.e2e.tracing.Traces.WORKER;
import static dev.slipway.e2e.tracing.Traces.assertService;
import static dev.slipway.e2e.tracing.Traces.children;
import static dev.slipway.e2e.tracing.Traces.named;
import static dev.slipway.e2e.tracing.Traces.ofOperation;
import static dev.slipway.e2e.tracing.Traces.only;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.e2e.RunningStack;
import dev.slipway.local.LocalStackOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's "one trace per command" across real processes: the local stack's api-service (with its
 * outbox relay), provisioner-worker and reconciler-job export their spans over OTLP/HTTP to a
 * receiver in this test, configured as a deployment configures its collector (the {@code
 * slipway-tracing} keys), plus the OTLP protocol (the receiver speaks OTLP/HTTP, not gRPC) and a 1
 * s batch delay (5 s by default) so spans arrive well within the test's waits. The in-process
 * halves of this chain are api-service's and provisioner-worker's CommandTraceQuarkusTest.
 */
class CommandTraceIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  // Kept when a test fails: the services' logs are in its logs/ directory.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path stateDir;

  static OtlpReceiver otlp;
  static RunningStack running;
  static StackClient stack;

  @BeforeAll
  static void startStack() throws Exception {
    System.out.println("CommandTraceIT: stack state and logs in " + stateDir);
    otlp = OtlpReceiver.start();
    Map<String, String> tracing =
        Map.of(
            "SLIPWAY_TRACING_EXPORTER", "otlp",
            "SLIPWAY_TRACING_OTLP_ENDPOINT", otlp.endpoint(),
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
    running =
        RunningStack.start(
            LocalStackOptions.test(RunningStack.repoRoot(), stateDir)
                // One tenant namespace: sharding plays no part in a trace, and the worker starts
                // an informer per namespace.
                .withTenantNamespaces(List.of("tenants"))
                .withServiceEnv(tracing));
    stack = new StackClient(running);
  }

  @AfterAll
  static void stopStack() {
    if (running != null) {
      running.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  @Test
  void aCreateIsOneTraceThroughTheApiTheRelayAndTheWorker() {
    String trace = Traces.traceId();
    String client = Traces.spanId();
    String slug = StackClient.slug("traced");
    String op = stack.create(slug, Traces.traceparent(trace, client));

    List<ReceivedSpan> spans =
        await().atMost(WAIT).until(() -> otlp.ofTrace(trace), CommandTraceIT::requestHandled);
    ReceivedSpan server = only(spans(spans, ReceivedSpan.SERVER, API), "the API's server span");
    assertEquals(client, server.parentSpanId(), "the request continues the client's trace");
    ReceivedSpan send = only(ofOperation(spans, PUBLISH, op), "the relay's send");
    assertService(API, send);
    assertEquals(ReceivedSpan.PRODUCER, send.kind());
    assertTrue(
        Traces.descends(spans, send.parentSpanId(), server),
        "sent in the context the request recorded: " + spans);
    ReceivedSpan handling = only(ofOperation(spans, PROCESS, op), "the worker's handling");
    assertService(WORKER, handling);
    assertEquals(ReceivedSpan.CONSUMER, handling.kind());
    assertEquals(send.spanId(), handling.parentSpanId(), "a child of the relay's send");
    List<ReceivedSpan> applies = named(children(spans, handling), APPLY);
    applies.forEach(s -> assertService(WORKER, s));
    assertEquals(
        Set.of("Secret", "Deployment", "Service", "Ingress"),
        applies.stream().map(s -> s.attribute("k8s.object.kind")).collect(Collectors.toSet()),
        applies.toString());
    assertService(WORKER, only(named(children(spans, handling), STATUS_WRITE), "status write"));
    assertEquals(
        List.of(handling),
        ofOperation(otlp.spans(), PROCESS, op),
        "one delivery, handled in the request's trace only");
    assertEquals(List.of(), otlp.refused(), "OTLP requests the receiver could not read");
  }

  @Test
  void aRepairByTheReconcilerIsATraceLinkedToItsPass() {
    String slug = StackClient.slug("drifted");
    stack.create(slug, null);
    stack.awaitRunning(slug);
    stack.scale(slug, 3);

    ReceivedSpan repair = await().atMost(WAIT).until(() -> repairs(slug), l -> !l.isEmpty()).get(0);
    assertService(RECONCILER, repair);
    assertTrue(repair.isRoot(), "a trace of its own: " + repair);
    String passRef = onlyLink(repair);
    ReceivedSpan pass =
        await()
            .atMost(WAIT)
            .until(() -> otlp.spans(s -> s.ref().equals(passRef)), l -> !l.isEmpty())
            .get(0);
    assertEquals(PASS, pass.name(), "linked to the pass that decided it");
    assertService(RECONCILER, pass);

    // The RECONCILE it enqueued is sent and handled in the repair's trace.
    List<ReceivedSpan> spans =
        await().atMost(WAIT).until(() -> otlp.ofTrace(repair.traceId()), CommandTraceIT::handled);
    ReceivedSpan send = only(named(spans, PUBLISH), "the relay's send of the RECONCILE");
    assertService(API, send);
    assertTrue(Traces.descends(spans, send.parentSpanId(), repair), spans.toString());
    ReceivedSpan handling = only(named(spans, PROCESS), "the worker's handling");
    assertService(WORKER, handling);
    assertEquals(send.spanId(), handling.parentSpanId());
    assertEquals("RECONCILE", handling.attribute("slipway.command.type"));
    assertEquals(slug, handling.attribute("slipway.tenant"));
  }

  @Test
  void aReplayedDeadLetterIsHandledInTheReplaysTraceLinkedToTheOriginal() throws Exception {
    String trace = Traces.traceId();
    String slug = StackClient.slug("replayed");
    String op = stack.create(slug, Traces.traceparent(trace, Traces.spanId()));
    stack.awaitRunning(slug);
    ReceivedSpan send =
        await()
            .atMost(WAIT)
            .until(() -> ofOperation(otlp.ofTrace(trace), PUBLISH, op), l -> !l.isEmpty())
            .get(0);
    String original = trace + "/" + send.parentSpanId(); // what the envelope recorded

    stack.deadLetter(op); // as if its deliveries had failed
    stack.replay(slug);

    ReceivedSpan handling =
        await()
            .atMost(WAIT)
            .until(
                () -> ofOperation(otlp.spans(), PROCESS, op),
                l -> l.stream().anyMatch(s -> !s.traceId().equals(trace)))
            .stream()
            .filter(s -> !s.traceId().equals(trace))
            .findFirst()
            .orElseThrow();
    assertService(WORKER, handling);
    assertEquals(List.of(original), handling.links(), "linked to the command's first trace");
    ReceivedSpan replay =
        await()
            .atMost(WAIT)
            .until(
                () -> otlp.spans(s -> s.spanId().equals(handling.parentSpanId())),
                l -> !l.isEmpty())
            .get(0);
    assertEquals(REPLAY, replay.name(), "handled as a child of the replay's send");
    assertService(API, replay);
    assertEquals(handling.traceId(), replay.traceId());
    assertEquals(List.of(original), replay.links(), "the replay links to the original too");
    assertNotEquals(trace, replay.traceId(), "the replay is a trace of its own");
  }

  /**
   * Whether the trace holds the relay's send (the API process) and the worker's handling and status
   * write. Within one process a parent ends after its children, but each process exports on its own
   * batch schedule, so one process's spans can arrive before another's (CI saw the worker's before
   * the API's): the wait names a span of each process the test asserts on.
   */
  private static boolean handled(List<ReceivedSpan> trace) {
    return !named(trace, PROCESS).isEmpty()
        && !named(trace, STATUS_WRITE).isEmpty()
        && !named(trace, PUBLISH).isEmpty();
  }

  /** {@link #handled}, and the API's server span of the request that began the trace. */
  private static boolean requestHandled(List<ReceivedSpan> trace) {
    return handled(trace) && !spans(trace, ReceivedSpan.SERVER, API).isEmpty();
  }

  private static List<ReceivedSpan> spans(List<ReceivedSpan> spans, int kind, String service) {
    return spans.stream().filter(s -> s.kind() == kind && s.service().equals(service)).toList();
  }

  /** The reconciler's repair spans that enqueued a RECONCILE for the tenant. */
  private static List<ReceivedSpan> repairs(String slug) {
    return named(otlp.spans(), REPAIR).stream()
        .filter(s -> String.valueOf(s.attribute("slipway.repair")).startsWith("enqueue RECONCILE"))
        .filter(s -> s.attribute("slipway.repair").contains("(" + slug + ")"))
        .toList();
  }

  private static String onlyLink(ReceivedSpan span) {
    assertEquals(1, span.links().size(), "one link: " + span);
    return span.links().get(0);
  }
}
