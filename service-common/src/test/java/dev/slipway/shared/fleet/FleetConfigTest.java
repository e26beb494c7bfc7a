package dev.slipway.shared.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.render.IngressProfile;
import dev.slipway.common.render.RenderSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetConfigTest {
  private static final Map<String, String> PROD =
      Map.of(
          "slipway.fleet.namespaces", "tenants,tenants-2",
          "slipway.fleet.domain", "gw.example.com",
          "slipway.fleet.image", "registry.example.com/gateway:1.0.0");

  @Test
  void everyKeyReachesTheRenderSettings() {
    Map<String, String> values = new HashMap<>(PROD);
    values.put("slipway.fleet.ingress-profile", "alb");
    values.put("slipway.fleet.ingress-class-name", "alb");
    values.put("slipway.fleet.cluster-issuer", "issuer-x");
    values.put("slipway.fleet.stream-timeout", "120s");
    values.put("slipway.fleet.alb-group-name", "group-x");

    RenderSettings settings = config(values, null).renderSettings();

    assertEquals(
        new RenderSettings(
            "tenants",
            "gw.example.com",
            "registry.example.com/gateway:1.0.0",
            "alb",
            "issuer-x",
            IngressProfile.ALB,
            120,
            "group-x"),
        settings);
  }

  @Test
  void theProdProfileHasNoDefaultForEnvironmentSpecificKeys() {
    for (String key : PROD.keySet()) {
      Map<String, String> values = new HashMap<>(PROD);
      values.remove(key);
      RuntimeException e = assertThrows(RuntimeException.class, () -> config(values, "prod"));
      assertTrue(message(e).contains(key), () -> key + " not named in: " + message(e));
    }
  }

  @Test
  void theTestProfileHasDefaultsFromTheModuleProperties() {
    FleetConfig fleet = config(Map.of(), "test");
    assertEquals(List.of("tenants"), fleet.checkedNamespaces());
    assertEquals("example.com", fleet.domain());
  }

  @Test
  void aBadNamespaceListNamesTheKey() {
    Map<String, String> values = new HashMap<>(PROD);
    values.put("slipway.fleet.namespaces", "tenants,Bad_Name");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config(values, null).renderSettings());
    assertTrue(e.getMessage().contains(FleetConfig.NAMESPACES_KEY), e.getMessage());
  }

  @Test
  void closedNamespacesStayServedButTakeNoNewTenants() {
    Map<String, String> values = new HashMap<>(PROD);
    values.put("slipway.fleet.closed-namespaces", "tenants");
    FleetConfig fleet = config(values, null);
    assertEquals(List.of("tenants", "tenants-2"), fleet.checkedNamespaces());
    assertEquals(List.of("tenants-2"), fleet.openNamespaces());
    values.put("slipway.fleet.closed-namespaces", "tenants,tenants-2");
    assertThrows(IllegalArgumentException.class, () -> config(values, null).openNamespaces());
    values.put("slipway.fleet.closed-namespaces", "elsewhere");
    assertThrows(IllegalArgumentException.class, () -> config(values, null).openNamespaces());
  }

  private static FleetConfig config(Map<String, String> values, String profile) {
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .addDefaultSources()
            .addDiscoveredSources()
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new PropertiesConfigSource(values, "test-values", 300))
            .withMapping(FleetConfig.class);
    if (profile != null) {
      builder.withProfile(profile);
    }
    SmallRyeConfig config = builder.build();
    return config.getConfigMapping(FleetConfig.class);
  }

  private static String message(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
