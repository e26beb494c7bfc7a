package dev.slipway.reconciler.scan;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.List;
import java.util.Map;

/**
 * {@link ComparedFields} for pods and Deployments, the two large kinds: a pod keeps its creation
 * time and readiness (what {@code StatusCheck} reads), a Deployment its replicas, pod template
 * labels and annotations and the gateway container's compared fields (what {@code DeploymentDiff}
 * reads).
 */
final class ComparedWorkload {
  private ComparedWorkload() {}

  /** Creation time and readiness: what the status check reads. */
  static Pod pod(Pod listed, Canonical shared) {
    Pod pod = Slim.shed(new Pod());
    // Name, uid, creation time and only the tenant-id label, which files the pod under its tenant:
    // nothing compares a pod's labels, and its full set is one more map per tenant.
    ObjectMeta listedMeta = listed.getMetadata();
    ObjectMeta meta = Slim.shed(new ObjectMeta());
    meta.setName(listedMeta.getName());
    meta.setNamespace(shared.of(listedMeta.getNamespace()));
    meta.setUid(listedMeta.getUid());
    meta.setCreationTimestamp(shared.of(listedMeta.getCreationTimestamp()));
    Map<String, String> labels = listedMeta.getLabels();
    String tenantId = labels == null ? null : labels.get(GatewayDefaults.LABEL_TENANT_ID);
    meta.setLabels(tenantId == null ? Map.of() : Map.of(GatewayDefaults.LABEL_TENANT_ID, tenantId));
    pod.setMetadata(meta);
    PodStatus status = listed.getStatus();
    if (status != null) {
      PodStatus kept = Slim.shed(new PodStatus());
      if (status.getConditions() != null) {
        kept.setConditions(
            shared.of(
                status.getConditions().stream()
                    .filter(c -> "Ready".equals(c.getType()))
                    .map(ComparedWorkload::readyCondition)
                    .toList()));
      }
      if (status.getContainerStatuses() != null) {
        kept.setContainerStatuses(
            shared.of(
                status.getContainerStatuses().stream()
                    .map(ComparedWorkload::containerStatus)
                    .toList()));
      }
      pod.setStatus(kept);
    }
    return pod;
  }

  private static PodCondition readyCondition(PodCondition listed) {
    PodCondition kept = Slim.shed(new PodCondition());
    kept.setType(listed.getType());
    kept.setStatus(listed.getStatus());
    return kept;
  }

  private static ContainerStatus containerStatus(ContainerStatus listed) {
    ContainerStatus kept = Slim.shed(new ContainerStatus());
    kept.setReady(listed.getReady());
    kept.setRestartCount(listed.getRestartCount());
    if (listed.getState() != null && listed.getState().getWaiting() != null) {
      ContainerState state = Slim.shed(new ContainerState());
      ContainerStateWaiting waiting = Slim.shed(new ContainerStateWaiting());
      waiting.setReason(listed.getState().getWaiting().getReason());
      state.setWaiting(waiting);
      kept.setState(state);
    }
    return kept;
  }

  /** Replicas, the pod template's labels and annotations, and the gateway container. */
  static Deployment deployment(Deployment listed, Canonical shared) {
    Deployment deployment = Slim.shed(new Deployment());
    deployment.setMetadata(ComparedFields.meta(listed.getMetadata(), true, shared));
    DeploymentSpec spec = listed.getSpec();
    if (spec == null) {
      return deployment;
    }
    DeploymentSpec kept = Slim.shed(new DeploymentSpec());
    kept.setReplicas(spec.getReplicas());
    PodTemplateSpec template = spec.getTemplate();
    if (template != null) {
      PodTemplateSpec keptTemplate = Slim.shed(new PodTemplateSpec());
      if (template.getMetadata() != null) {
        ObjectMeta meta = Slim.shed(new ObjectMeta());
        meta.setLabels(shared.of(template.getMetadata().getLabels()));
        meta.setAnnotations(Slim.map(template.getMetadata().getAnnotations())); // the token hash
        keptTemplate.setMetadata(meta);
      }
      if (template.getSpec() != null) {
        PodSpec podSpec = Slim.shed(new PodSpec());
        podSpec.setContainers(gateway(template.getSpec().getContainers(), shared));
        keptTemplate.setSpec(podSpec);
      }
      kept.setTemplate(keptTemplate);
    }
    deployment.setSpec(kept);
    return deployment;
  }

  /** The gateway container with its compared fields; other containers are not compared. */
  private static List<Container> gateway(List<Container> containers, Canonical shared) {
    if (containers == null) {
      return List.of();
    }
    return containers.stream()
        .filter(c -> GatewayDefaults.CONTAINER_NAME.equals(c.getName()))
        .limit(1)
        .map(
            c -> {
              Container kept = Slim.shed(new Container());
              kept.setName(c.getName());
              kept.setImage(shared.of(c.getImage()));
              kept.setResources(shared.of(String.valueOf(c.getResources()), c.getResources()));
              kept.setReadinessProbe(shared.of(c.getReadinessProbe()));
              kept.setLivenessProbe(shared.of(c.getLivenessProbe()));
              if (c.getEnv() != null) {
                kept.setEnv( // not shared: the config names its tenant
                    Slim.deep(
                        c.getEnv().stream()
                            .filter(e -> GatewayDefaults.GATEWAY_CONFIG_ENV.equals(e.getName()))
                            .toList()));
              }
              return kept;
            })
        .toList();
  }
}
