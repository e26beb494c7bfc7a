package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;

/** The hardening every Slipway container must have (Pod Security "restricted" and more). */
final class PodChecks {
  /** The container port name of Quarkus's management interface (health, metrics). */
  static final String MANAGEMENT = "management";

  private PodChecks() {}

  static void assertHardened(String owner, PodSpec pod) {
    assertNotNull(pod.getSecurityContext(), owner + ": pod securityContext");
    assertEquals(
        Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), owner + ": runAsNonRoot");
    assertEquals(
        "RuntimeDefault",
        pod.getSecurityContext().getSeccompProfile().getType(),
        owner + ": pod seccomp");
    assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()), owner + ": hostNetwork");
    assertFalse(Boolean.TRUE.equals(pod.getHostPID()), owner + ": hostPID");
    for (Container c : pod.getContainers()) {
      String id = owner + "/" + c.getName();
      SecurityContext sc = c.getSecurityContext();
      assertNotNull(sc, id + ": container securityContext");
      assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), id + ": runAsNonRoot");
      assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), id + ": readOnlyRootFilesystem");
      assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), id + ": privilege escalation");
      assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), id + ": privileged");
      assertEquals(
          java.util.List.of("ALL"), sc.getCapabilities().getDrop(), id + ": capabilities drop");
      assertTrue(
          sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(),
          id + ": no added capabilities");
      assertEquals("RuntimeDefault", sc.getSeccompProfile().getType(), id + ": seccomp");
      assertNotNull(c.getResources().getRequests().get("cpu"), id + ": cpu request");
      assertNotNull(c.getResources().getRequests().get("memory"), id + ": memory request");
      assertNotNull(c.getResources().getLimits().get("memory"), id + ": memory limit");
      assertTrue(
          c.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())),
          id + ": a writable /tmp on a read-only root");
    }
  }

  static void assertHealthProbes(String owner, Container c) {
    assertProbe(owner + " liveness", c.getLivenessProbe(), "/q/health/live");
    assertProbe(owner + " readiness", c.getReadinessProbe(), "/q/health/ready");
    assertNotNull(c.getStartupProbe(), owner + ": startup probe (JVM start)");
    assertEquals(
        MANAGEMENT,
        c.getStartupProbe().getHttpGet().getPort().getStrVal(),
        owner + " startup port");
  }

  /** Health is served on the management interface only (issue 22), never on the public port. */
  private static void assertProbe(String id, Probe probe, String path) {
    assertNotNull(probe, id);
    assertEquals(path, probe.getHttpGet().getPath(), id + " path");
    assertEquals(MANAGEMENT, probe.getHttpGet().getPort().getStrVal(), id + " port");
  }
}
