package dev.slipway.cli.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettledTest {
  final ObjectMapper json = new ObjectMapper();

  JsonNode tenant(String desired, String phase, int generation, int observed, int ready)
      throws Exception {
    return json.readTree(
        String.format(
            "{\"desiredState\":\"%s\",\"phase\":\"%s\",\"generation\":%d,"
                + "\"observedGeneration\":%d,\"readyReplicas\":%d}",
            desired, phase, generation, observed, ready));
  }

  @Test
  void aTenantSettlesInTheStateAskedForOnceItsGenerationIsObserved() throws Exception {
    assertEquals(Optional.empty(), Settled.tenant(tenant("RUNNING", "PENDING", 1, 0, 0)));
    assertEquals(Optional.empty(), Settled.tenant(tenant("RUNNING", "PROVISIONING", 1, 1, 0)));
    assertEquals(Optional.empty(), Settled.tenant(tenant("RUNNING", "RUNNING", 1, 1, 0)));
    assertEquals(Optional.of(true), Settled.tenant(tenant("RUNNING", "RUNNING", 1, 1, 1)));
    // Stopped while RUNNING is still shown for the old generation: not yet.
    assertEquals(Optional.empty(), Settled.tenant(tenant("STOPPED", "RUNNING", 2, 1, 1)));
    assertEquals(Optional.of(true), Settled.tenant(tenant("STOPPED", "STOPPED", 2, 2, 0)));
    assertEquals(Optional.of(true), Settled.tenant(tenant("DELETED", "DELETED", 3, 3, 0)));
  }

  @Test
  void anOfflineTenantSettlesOnceStopped() throws Exception {
    assertEquals(Optional.empty(), Settled.tenant(tenant("OFFLINE", "RUNNING", 2, 2, 1)));
    assertEquals(Optional.of(true), Settled.tenant(tenant("OFFLINE", "STOPPED", 2, 2, 0)));
  }

  @Test
  void failedIsSettledBadlyButOnlyForTheLatestGeneration() throws Exception {
    assertEquals(Optional.of(false), Settled.tenant(tenant("RUNNING", "FAILED", 1, 1, 0)));
    assertEquals(Optional.empty(), Settled.tenant(tenant("RUNNING", "FAILED", 2, 1, 0)));
  }

  @Test
  void anOperationSettlesWhenTerminal() throws Exception {
    assertEquals(Optional.empty(), Settled.operation(json.readTree("{\"status\":\"QUEUED\"}")));
    assertEquals(Optional.empty(), Settled.operation(json.readTree("{\"status\":\"RUNNING\"}")));
    assertEquals(Optional.of(true), Settled.operation(json.readTree("{\"status\":\"SUCCEEDED\"}")));
    assertEquals(
        Optional.of(true), Settled.operation(json.readTree("{\"status\":\"SUPERSEDED\"}")));
    assertEquals(Optional.of(false), Settled.operation(json.readTree("{\"status\":\"FAILED\"}")));
  }

  @Test
  void gatewaySettingsSendNumbersAsNumbers() {
    var config =
        GatewaySettings.parse(java.util.List.of("requestsPerSecond=800", "project=p1"), json);
    assertEquals("{\"requestsPerSecond\":800,\"project\":\"p1\"}", config.toString());
  }

  @Test
  void labelsAreKeyValueAndAPatchRemovesOneWithATrailingDash() {
    var set =
        LabelSettings.parse(
            java.util.List.of("tier=beta", "example.com/zone=", "old-"), true, json);
    assertEquals("{\"tier\":\"beta\",\"example.com/zone\":\"\",\"old\":null}", set.toString());
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.slipway.cli.CliException.class,
            () -> LabelSettings.parse(java.util.List.of("old-"), false, json));
    assertEquals(dev.slipway.cli.ExitCodes.USAGE, refused.exitCode());
    org.junit.jupiter.api.Assertions.assertThrows(
        dev.slipway.cli.CliException.class,
        () -> LabelSettings.parse(java.util.List.of("=x"), true, json));
  }
}
