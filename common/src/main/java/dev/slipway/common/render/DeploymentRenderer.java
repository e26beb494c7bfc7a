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
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway Deployment: one container reading its token from the tenant Secret, under the
 * restricted Pod Security profile ({@link PodSecurity}). Built with constructors and setters, not
 * fabric8's builders: a builder copies every nested object on each {@code with...} and {@code
 * build()}, which made rendering the worker's and the reconciler's costliest step per tenant (the
 * reconciler renders every tenant on every pass).
 */
final class DeploymentRenderer {
  private DeploymentRenderer() {}

  static Deployment render(TenantSpec tenant, RenderSettings settings) {
    DeploymentSpec spec = new DeploymentSpec();
    // With an autoscaler the replica count is the autoscaler's: applying one here would reset its
    // decision on every apply. Leaving the field out hands it over.
    spec.setReplicas(tenant.autoscaledNow() ? null : tenant.effectiveReplicas());
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(TenantLabels.selector(tenant.slug()));
    spec.setSelector(selector);
    spec.setTemplate(podTemplate(tenant, settings));
    Deployment deployment = new Deployment();
    deployment.setApiVersion("apps/v1");
    deployment.setKind("Deployment");
    deployment.setMetadata(TenantLabels.objectMeta(tenant, settings));
    deployment.setSpec(spec);
    return deployment;
  }

  private static PodTemplateSpec podTemplate(TenantSpec tenant, RenderSettings settings) {
    ObjectMeta meta = new ObjectMeta();
    meta.setLabels(TenantLabels.forTenant(tenant));
    meta.setAnnotations(podAnnotations(tenant));
    PodSpec pod = new PodSpec();
    pod.setContainers(new ArrayList<>(List.of(container(tenant, settings))));
    PodSecurity.secure(pod, tenant.slug());
    PodTemplateSpec template = new PodTemplateSpec();
    template.setMetadata(meta);
    template.setSpec(pod);
    return template;
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
    Container container = new Container();
    container.setName(CONTAINER_NAME);
    container.setImage(ImageVersions.image(settings.image(), tenant.imageVersion()));
    ContainerPort port = new ContainerPort();
    port.setName(PORT_NAME);
    port.setContainerPort(GATEWAY_PORT);
    container.setPorts(new ArrayList<>(List.of(port)));
    SecretKeySelector tokenRef = new SecretKeySelector();
    tokenRef.setName(tenant.slug());
    tokenRef.setKey(SECRET_TOKEN_KEY);
    EnvVarSource tokenSource = new EnvVarSource();
    tokenSource.setSecretKeyRef(tokenRef);
    EnvVar token = new EnvVar();
    token.setName(TOKEN_ENV);
    token.setValueFrom(tokenSource);
    EnvVar config = new EnvVar();
    config.setName(GATEWAY_CONFIG_ENV);
    config.setValue(GatewayConfigJson.render(tenant));
    container.setEnv(new ArrayList<>(List.of(token, config)));
    container.setResources(resources(tenant.sizing().resources()));
    container.setSecurityContext(PodSecurity.container());
    container.setVolumeMounts(PodSecurity.mounts());
    container.setReadinessProbe(
        httpProbe(
            GatewayDefaults.READINESS_INITIAL_DELAY_SECONDS,
            GatewayDefaults.READINESS_PERIOD_SECONDS));
    container.setLivenessProbe(
        httpProbe(
            GatewayDefaults.LIVENESS_INITIAL_DELAY_SECONDS,
            GatewayDefaults.LIVENESS_PERIOD_SECONDS));
    return container;
  }

  private static ResourceRequirements resources(Resources resources) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("memory", new Quantity(resources.memoryRequest()));
    requests.put("cpu", new Quantity(resources.cpuRequest()));
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put("memory", new Quantity(resources.memoryLimit()));
    limits.put("cpu", new Quantity(resources.cpuLimit()));
    ResourceRequirements requirements = new ResourceRequirements();
    requirements.setRequests(requests);
    requirements.setLimits(limits);
    return requirements;
  }

  private static Probe httpProbe(int initialDelaySeconds, int periodSeconds) {
    HTTPGetAction get = new HTTPGetAction();
    get.setPath(GatewayDefaults.PROBE_PATH);
    get.setPort(new IntOrString(GATEWAY_PORT));
    Probe probe = new Probe();
    probe.setHttpGet(get);
    probe.setInitialDelaySeconds(initialDelaySeconds);
    probe.setPeriodSeconds(periodSeconds);
    return probe;
  }
}
