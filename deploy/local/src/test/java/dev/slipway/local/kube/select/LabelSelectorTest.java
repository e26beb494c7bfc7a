package dev.slipway.local.kube.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.api.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label selector grammar of the Kubernetes API, as the emulator evaluates it. */
class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("app", "gw", "tier", "web");

  @Test
  void equalityAndInequality() {
    assertTrue(matches("app=gw"));
    assertTrue(matches("app==gw,tier=web"));
    assertFalse(matches("app=other"));
    assertTrue(matches("app!=other"));
    assertTrue(matches("missing!=x"), "!= matches objects without the label");
    assertFalse(matches("tier!=web"));
  }

  @Test
  void setBasedRequirements() {
    assertTrue(matches("tier in (web, db)"));
    assertFalse(matches("tier in (db)"));
    assertTrue(matches("tier notin (db,cache),app in (gw)"));
    assertFalse(matches("tier notin (web)"));
    assertTrue(matches("missing notin (x)"));
  }

  @Test
  void existence() {
    assertTrue(matches("app"));
    assertFalse(matches("!app"));
    assertTrue(matches("!missing,tier"));
    assertFalse(matches("missing"));
  }

  @Test
  void singleValuedEqualitiesFeedTheIndex() {
    assertEquals(
        Map.of("app", "gw", "tier", "web"),
        LabelSelector.parse("app=gw,tier in (web),x!=y,z in (a,b)").equalities());
  }

  @Test
  void malformedSelectorsAre400() {
    ApiException bad = assertThrows(ApiException.class, () -> LabelSelector.parse("a in b"));
    assertEquals(400, bad.code());
  }

  private static boolean matches(String selector) {
    return LabelSelector.parse(selector).matches(LABELS);
  }
}
