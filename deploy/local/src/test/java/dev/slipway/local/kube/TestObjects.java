package dev.slipway.local.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
import java.util.UUID;

/** The four kinds Slipway provisions per tenant, shaped like the worker builds them. */
public final class TestObjects {

  public static final String NAMESPACE = "tenants";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private TestObjects() {}

  /** A unique name so tests sharing an emulator never see each other's objects. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Deployment deployment(String name, int replicas, String image) {
    Map<String, String> selector = Map.of("app", name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels(MANAGED_BY, "slipway")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(selector)
        .endMetadata()
        .withNewSpec()
        // Hardened as the worker renders gateways: tenant namespaces enforce the restricted
        // Pod Security profile (deploy/k8s/tenant-namespace), which the emulator applies.
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(10001L)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("gateway")
        .withImage(image)
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static Secret secret(String name, String value) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels(MANAGED_BY, "slipway")
        .endMetadata()
        .withType("Opaque")
        .addToStringData("api-key", value)
        .build();
  }

  public static Service service(String name, int port) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels(MANAGED_BY, "slipway")
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", name)
        .addNewPort()
        .withName("http")
        .withPort(port)
        .endPort()
        .endSpec()
        .build();
  }

  public static Ingress ingress(String name, String host) {
    return new IngressBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels(MANAGED_BY, "slipway")
        .endMetadata()
        .withNewSpec()
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(name)
        .withNewPort()
        .withNumber(80)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
