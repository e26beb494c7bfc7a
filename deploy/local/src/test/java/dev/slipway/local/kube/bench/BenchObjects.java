package dev.slipway.local.kube.bench;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deployments of about 2 KB, shaped like a tenant gateway, in groups of 100 by label. */
final class BenchObjects {

  static final String NAMESPACE = "bench";
  static final int GROUP_SIZE = 100;

  private BenchObjects() {}

  static String name(int i) {
    return "gw-" + i;
  }

  static String group(int i) {
    return "g" + (i / GROUP_SIZE);
  }

  static Deployment deployment(int i) {
    List<EnvVar> env = new ArrayList<>();
    for (int e = 0; e < 12; e++) {
      env.add(new EnvVar("GATEWAY_SETTING_" + e, "value-of-setting-" + e + "-for-" + i, null));
    }
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name(i))
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("app.kubernetes.io/managed-by", "slipway", "group", group(i)))
        .withAnnotations(Map.of("slipway.dev/generation", "1", "slipway.dev/tenant", name(i)))
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(Map.of("app", name(i)))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", name(i)))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("gateway")
        .withImage("registry.example.com/gateway:1.2.3")
        .withEnv(env)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
