package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered gateway pod passes the "restricted" Pod Security Standard (the rules as the
 * Kubernetes documentation lists them), and the seed-000 contract the gateway relies on (port,
 * probes, env) is still there.
 */
class PodSecurityTest {
  private static final Map<String, TenantSpec> TENANTS =
      Map.of(
          "seed", TenantFixtures.tenant(),
          "large", TenantFixtures.large(),
          "stopped", TenantFixtures.with(DesiredState.STOPPED));

  @ParameterizedTest
  @ValueSource(strings = {"seed", "large", "stopped"})
  void thePodPassesTheRestrictedProfile(String name) {
    PodSpec pod = pod(TENANTS.get(name));
    assertNull(pod.getHostNetwork());
    assertNull(pod.getHostPID());
    assertNull(pod.getHostIPC());
    assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
    assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
    assertNotEquals(0L, pod.getSecurityContext().getRunAsUser());
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    for (Volume volume : pod.getVolumes()) {
      assertTrue(
          volume.getEmptyDir() != null || volume.getSecret() != null,
          "only emptyDir and secret volumes: " + volume.getName());
    }
    for (Container c : pod.getContainers()) {
      var context = c.getSecurityContext();
      assertNotNull(context, c.getName());
      assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation());
      assertEquals(List.of("ALL"), context.getCapabilities().getDrop());
      var added = context.getCapabilities().getAdd();
      assertTrue(added == null || added.isEmpty(), "no capability added: " + added);
      assertFalse(Boolean.TRUE.equals(context.getPrivileged()));
      assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem());
      assertTrue(c.getPorts().stream().allMatch(p -> p.getHostPort() == null));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "large", "stopped"})
  void tmpIsWritableAndTheTokenFileReadOnly(String name) {
    TenantSpec tenant = TENANTS.get(name);
    PodSpec pod = pod(tenant);
    Map<String, VolumeMount> mounts =
        pod.getContainers().get(0).getVolumeMounts().stream()
            .collect(Collectors.toMap(VolumeMount::getMountPath, Function.identity()));
    assertEquals(Boolean.FALSE, mounts.get("/tmp").getReadOnly());
    VolumeMount token = mounts.get(GatewayDefaults.TOKEN_MOUNT_PATH);
    assertEquals(Boolean.TRUE, token.getReadOnly());
    Volume secret =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals(token.getName()))
            .findFirst()
            .orElseThrow();
    assertEquals(tenant.slug(), secret.getSecret().getSecretName());
    assertEquals(0440, secret.getSecret().getDefaultMode());
    assertEquals(pod.getSecurityContext().getRunAsGroup(), pod.getSecurityContext().getFsGroup());
  }

  /** Seed 000's contract: the port, both probes and the token env var are unchanged. */
  @ParameterizedTest
  @ValueSource(strings = {"seed", "large", "stopped"})
  void theSeedContractIsKept(String name) {
    Container c = pod(TENANTS.get(name)).getContainers().get(0);
    assertEquals(18789, c.getPorts().get(0).getContainerPort());
    assertEquals(18789, c.getReadinessProbe().getHttpGet().getPort().getIntVal());
    assertEquals(18789, c.getLivenessProbe().getHttpGet().getPort().getIntVal());
    var token = c.getEnv().get(0);
    assertEquals("OPENCLAW_GATEWAY_TOKEN", token.getName());
    assertEquals("token", token.getValueFrom().getSecretKeyRef().getKey());
  }

  private static PodSpec pod(TenantSpec tenant) {
    return TenantFixtures.render(tenant).deployment().getSpec().getTemplate().getSpec();
  }
}
