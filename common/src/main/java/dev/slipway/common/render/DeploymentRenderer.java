package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.ANNOTATION_TOKEN_HASH;
import static dev.slipway.common.render.GatewayDefaults.CONTAINER_NAME;
import static dev.slipway.common.render.GatewayDefaults.GATEWAY_CONFIG_ENV;
import static dev.slipway.common.render.GatewayDefaults.GATEWAY_PORT;
import static dev.slipway.common.render.GatewayDefaults.PORT_NAME;
import static dev.slipway.common.render.GatewayDefaults.SECRET_TOKEN_KEY;
import static dev.slipway.common.render.GatewayDefaults.TOKEN_ENV;

import dev.slipway.common.model.ImageVersions;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway Deployment: one container reading its token from the tenant Secret. */
final class DeploymentRenderer {
  private DeploymentRenderer() {}

  static Deployment render(TenantSpec tenant, RenderSettings settings) {
    String slug = tenant.slug();
    return new DeploymentBuilder()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withMetadata(TenantLabels.objectMeta(tenant, settings))
        .withNewSpec()
        // With an autoscaler the replica count is the autoscaler's: applying one here would reset
        // its decision on every apply. Leaving the field out hands it over.
        .withReplicas(tenant.autoscaledNow() ? null : tenant.effectiveReplicas())
        .withNewSelector()
        .withMatchLabels(TenantLabels.selector(slug))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(TenantLabels.forTenant(tenant))
        .withAnnotations(podAnnotations(tenant))
        .endMetadata()
        .withNewSpec()
        .withContainers(container(tenant, settings))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Only values whose change must restart the pods. The token hash is here because the pods read
   * the token through an env var, which Kubernetes does not refresh when the Secret changes.
   */
  private static Map<String, String> podAnnotations(TenantSpec tenant) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ANNOTATION_TOKEN_HASH, TokenHash.of(tenant.gatewayToken()));
    return annotations;
  }

  private static Container container(TenantSpec tenant, RenderSettings settings) {
    String slug = tenant.slug();
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(ImageVersions.image(settings.image(), tenant.imageVersion()))
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(GATEWAY_PORT)
        .endPort()
        .addNewEnv()
        .withName(TOKEN_ENV)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(slug)
        .withKey(SECRET_TOKEN_KEY)
        .endSecretKeyRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName(GATEWAY_CONFIG_ENV)
        .withValue(GatewayConfigJson.render(tenant))
        .endEnv()
        .withResources(resources(tenant.sizing().resources()))
        .withReadinessProbe(
            httpProbe(
                GatewayDefaults.READINESS_INITIAL_DELAY_SECONDS,
                GatewayDefaults.READINESS_PERIOD_SECONDS))
        .withLivenessProbe(
            httpProbe(
                GatewayDefaults.LIVENESS_INITIAL_DELAY_SECONDS,
                GatewayDefaults.LIVENESS_PERIOD_SECONDS))
        .build();
  }

  private static ResourceRequirements resources(Resources resources) {
    return new ResourceRequirementsBuilder()
        .addToRequests("memory", new Quantity(resources.memoryRequest()))
        .addToRequests("cpu", new Quantity(resources.cpuRequest()))
        .addToLimits("memory", new Quantity(resources.memoryLimit()))
        .addToLimits("cpu", new Quantity(resources.cpuLimit()))
        .build();
  }

  private static Probe httpProbe(int initialDelaySeconds, int periodSeconds) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(GatewayDefaults.PROBE_PATH)
        .withPort(new IntOrString(GATEWAY_PORT))
        .endHttpGet()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withPeriodSeconds(periodSeconds)
        .build();
  }
}
