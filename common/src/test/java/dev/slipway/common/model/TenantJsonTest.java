package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TenantJsonTest {

  @Test
  void sizingRoundTrips() {
    Sizing sizing =
        new Sizing(
            "large",
            2,
            new Resources("200m", "256Mi", "500m", "512Mi"),
            new Autoscaling(2, 10, 70));
    assertEquals(sizing, TenantJson.sizing(TenantJson.write(sizing)));
    assertEquals(Sizing.seedDefault(), TenantJson.sizing(TenantJson.write(Sizing.seedDefault())));
  }

  @Test
  void gatewayConfigRoundTrips() {
    GatewayConfig config = new GatewayConfig("p", 1, 2, 3, 4);
    assertEquals(config, TenantJson.gatewayConfig(TenantJson.write(config), "s"));
  }

  /** The migration's column default is this literal: readers must keep understanding it. */
  @Test
  void readsTheShapeTheMigrationStores() {
    Sizing sizing =
        TenantJson.sizing(
            "{\"plan\":\"small\",\"replicas\":1,\"resources\":{\"cpuRequest\":\"50m\","
                + "\"memoryRequest\":\"64Mi\",\"cpuLimit\":\"250m\",\"memoryLimit\":\"256Mi\"},"
                + "\"autoscaling\":null,\"addedLater\":true}");
    assertEquals(Sizing.seedDefault(), sizing);
    assertNull(sizing.autoscaling());
  }

  @Test
  void invalidStoredValueIsAnError() {
    assertThrows(IllegalStateException.class, () -> TenantJson.sizing("{\"plan\":\"x\"}"));
    assertThrows(IllegalStateException.class, () -> TenantJson.gatewayConfig("not json", "s"));
  }

  @Test
  void noStoredGatewayConfigMeansTheDefaults() {
    assertEquals(GatewayConfig.defaults("acme"), TenantJson.gatewayConfig(null, "acme"));
  }
}
