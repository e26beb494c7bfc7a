package dev.slipway.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackMainTest {
  @Test
  void onlyTheShellsTracingSettingsReachTheServices() {
    Map<String, String> shell =
        Map.of(
            "SLIPWAY_TRACING_EXPORTER", "otlp",
            "SLIPWAY_TRACING_OTLP_ENDPOINT", "http://localhost:4317",
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s",
            "SLIPWAY_API_URL", "http://elsewhere",
            "PATH", "/usr/bin");
    assertEquals(
        Map.of(
            "SLIPWAY_TRACING_EXPORTER", "otlp",
            "SLIPWAY_TRACING_OTLP_ENDPOINT", "http://localhost:4317",
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s"),
        LocalStackMain.tracingFromShell(shell));
  }
}
