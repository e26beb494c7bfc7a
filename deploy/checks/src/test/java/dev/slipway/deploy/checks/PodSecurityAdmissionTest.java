package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tenant namespace of every rendering enforces, audits and warns on the "restricted" Pod
 * Security profile (issue 22), each with a version; the gateway pods meet it (common's
 * PodSecurityTest).
 */
class PodSecurityAdmissionTest {
  private static final String PREFIX = "pod-security.kubernetes.io/";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod", "sharded"})
  void tenantNamespacesAreRestricted(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    var tenantNamespaces = RbacRules.tenantNamespaces(objects);
    assertFalse(tenantNamespaces.isEmpty(), overlay);
    for (Namespace ns : Rendered.ofType(objects, Namespace.class)) {
      String name = ns.getMetadata().getName();
      if (!tenantNamespaces.contains(name)) {
        continue;
      }
      Map<String, String> labels = ns.getMetadata().getLabels();
      for (String mode : List.of("enforce", "audit", "warn")) {
        assertEquals("restricted", labels.get(PREFIX + mode), overlay + " " + name + " " + mode);
        String version = labels.get(PREFIX + mode + "-version");
        assertTrue(
            version != null && (version.equals("latest") || version.matches("v1\\.\\d+")),
            overlay + " " + name + " " + mode + "-version " + version);
      }
    }
  }
}
