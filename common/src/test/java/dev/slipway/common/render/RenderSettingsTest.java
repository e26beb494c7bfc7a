package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RenderSettingsTest {
  @Test
  void defaultsMatchTheSeed() {
    RenderSettings d = RenderSettings.defaults();
    assertEquals("tenants", d.namespace());
    assertEquals("nginx", d.ingressClassName());
    assertEquals("letsencrypt", d.clusterIssuer());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void blankValuesAreRejected(String blank) {
    assertRejected("namespace", () -> new RenderSettings(blank, "d", "i", "c", "k"));
    assertRejected("domain", () -> new RenderSettings("n", blank, "i", "c", "k"));
    assertRejected("image", () -> new RenderSettings("n", "d", blank, "c", "k"));
    assertRejected("ingressClassName", () -> new RenderSettings("n", "d", "i", blank, "k"));
    assertRejected("clusterIssuer", () -> new RenderSettings("n", "d", "i", "c", blank));
  }

  @Test
  void profileAndStreamTimeoutAreChecked() {
    assertEquals(IngressProfile.ALB, IngressProfile.of(" alb "));
    assertRejected("ingressProfile", () -> IngressProfile.of("traefik"));
    assertRejected(
        "streamTimeoutSeconds",
        () -> new RenderSettings("n", "d", "i", "c", "k", IngressProfile.NGINX, 0, "g"));
    assertRejected(
        "streamTimeoutSeconds",
        () -> new RenderSettings("n", "d", "i", "c", "k", IngressProfile.ALB, 4001, "g"));
  }

  private static void assertRejected(String field, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }
}
