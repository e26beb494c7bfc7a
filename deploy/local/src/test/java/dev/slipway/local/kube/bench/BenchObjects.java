package dev.slipway.local.kube.bench;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deployments of about 2 KB, shaped like a tenant gateway, in groups of 100 by label. {@code
 * revision} goes into the container's environment, so that each replace or apply of a new revision
 * changes the spec (and bumps metadata.generation), as a tenant update does.
 */
final class BenchObjects {

  static final String NAMESPACE = "bench";
  static final int GROUP_SIZE = 100;

  private static final String NAME_MARK = "gw-NAME-MARK";
  private static final String REVISION_MARK = "REVISION-MARK";
  private static final String GROUP_MARK = "GROUP-MARK";
  private static final String TEMPLATE =
      Serialization.asJson(deployment(NAME_MARK, GROUP_MARK, REVISION_MARK));

  private BenchObjects() {}

  static String name(int i) {
    return "gw-" + i;
  }

  static String group(int i) {
    return "g" + (i / GROUP_SIZE);
  }

  static Deployment deployment(int i, int revision) {
    return deployment(name(i), group(i), Integer.toString(revision));
  }

  /**
   * The same object as {@link #deployment} as JSON, made by text substitution in a template: the
   * bare HTTP rows measure the server, not the building and serializing of model objects.
   */
  static String json(int i, int revision) {
    return TEMPLATE
        .replace(NAME_MARK, name(i))
        .replace(GROUP_MARK, group(i))
        .replace(REVISION_MARK, Integer.toString(revision));
  }

  /** A Deployment with only name and namespace: what a patch needs to find its object. */
  static Deployment reference(int i) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name(i));
    metadata.setNamespace(NAMESPACE);
    Deployment deployment = new Deployment();
    deployment.setMetadata(metadata);
    return deployment;
  }

  /** A merge patch that sets one annotation to {@code revision} (what kubectl annotate sends). */
  static String annotationPatch(int revision) {
    return "{\"metadata\":{\"annotations\":{\"slipway.dev/generation\":\"" + revision + "\"}}}";
  }

  /**
   * Built with constructors and setters, not the fabric8 builder DSL: the builders' deep copies
   * cost about as much client CPU as the whole request, and that cost belongs to the caller that
   * renders desired state (Slipway's worker), not to the client or the server measured here.
   */
  private static Deployment deployment(String name, String group, String revision) {
    List<EnvVar> env = new ArrayList<>();
    for (int e = 0; e < 12; e++) {
      env.add(new EnvVar("GATEWAY_SETTING_" + e, "value-of-setting-" + e + "-for-" + name, null));
    }
    env.add(new EnvVar("GATEWAY_REVISION", revision, null));
    Container container = new Container();
    container.setName("gateway");
    container.setImage("registry.example.com/gateway:1.2.3");
    container.setEnv(env);
    PodSpec podSpec = new PodSpec();
    podSpec.setContainers(List.of(container));
    ObjectMeta podMetadata = new ObjectMeta();
    podMetadata.setLabels(Map.of("app", name));
    PodTemplateSpec template = new PodTemplateSpec();
    template.setMetadata(podMetadata);
    template.setSpec(podSpec);
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(Map.of("app", name));
    DeploymentSpec spec = new DeploymentSpec();
    spec.setReplicas(1);
    spec.setSelector(selector);
    spec.setTemplate(template);
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(NAMESPACE);
    metadata.setLabels(Map.of("app.kubernetes.io/managed-by", "slipway", "group", group));
    metadata.setAnnotations(Map.of("slipway.dev/generation", "1", "slipway.dev/tenant", name));
    Deployment deployment = new Deployment();
    deployment.setMetadata(metadata);
    deployment.setSpec(spec);
    return deployment;
  }
}
