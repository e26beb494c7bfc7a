package dev.slipway.shared.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceLogTest {
  private static final SpanContext COMMAND =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void theLineCarriesTheCommandsIdsAndTheThreadsComeBack() {
    MDC.put("traceId", "round");
    MDC.put("spanId", "roundspan");
    List<Object> seen = new ArrayList<>();
    TraceLog.in(COMMAND, () -> seen.addAll(List.of(MDC.get("traceId"), MDC.get("spanId"))));
    assertEquals(List.of(COMMAND.getTraceId(), COMMAND.getSpanId()), seen);
    assertEquals("round", MDC.get("traceId"));
    assertEquals("roundspan", MDC.get("spanId"));
  }

  @Test
  void nothingIsLeftBehindWhereNothingWas() {
    TraceLog.in(COMMAND, () -> {});
    assertNull(MDC.get("traceId"));
    assertNull(MDC.get("spanId"));
  }

  @Test
  void anInvalidContextChangesNothing() {
    MDC.put("traceId", "round");
    List<Object> seen = new ArrayList<>();
    TraceLog.in(SpanContext.getInvalid(), () -> seen.add(MDC.get("traceId")));
    assertEquals(List.of("round"), seen);
  }
}
