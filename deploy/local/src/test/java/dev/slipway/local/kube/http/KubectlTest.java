package dev.slipway.local.kube.http;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl binary against the emulator; skipped where /usr/bin/kubectl is missing. */
class KubectlTest {

  @TempDir static Path dir;

  private static KubeEmulator emulator;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.available(), "no kubectl at " + Kubectl.BINARY);
    emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    kubectl = new Kubectl(emulator.writeKubeconfig(dir.resolve("kubeconfig")), cache);
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void discoveryOffersTheResourceTypesAndShortNames() throws Exception {
    Kubectl.Result result = kubectl.run("api-resources", "-o", "wide");
    assertTrue(result.ok(), result::toString);
    for (String expected :
        new String[] {
          "deploy", "svc", "ing", "po", "hpa", "ns", "secrets", "configmaps", "events"
        }) {
      assertTrue(result.stdout().contains(expected), () -> expected + " missing:\n" + result);
    }
    Kubectl.Result version = kubectl.run("version");
    assertTrue(
        version.stdout().contains("Server Version: " + Discovery.GIT_VERSION), version::toString);
  }

  @Test
  void serverSideApplyThenGetListsEveryKind() throws Exception {
    String name = uniqueName("cli");
    Path manifest = writeManifest(name, 1);
    Kubectl.Result applied = kubectl.run("apply", "--server-side", "-f", manifest.toString());
    assertTrue(applied.ok(), applied::toString);
    await().atMost(Duration.ofSeconds(10)).until(() -> !podNames(name).isBlank());

    Kubectl.Result listed = kubectl.run("get", "deploy,svc,ing,secret,pods", "-n", NAMESPACE);
    assertTrue(listed.ok(), listed::toString);
    for (String expected :
        new String[] {
          "deployment.apps/" + name,
          "service/" + name,
          "ingress.networking.k8s.io/" + name,
          "secret/" + name,
          "pod/" + name + "-"
        }) {
      assertTrue(listed.stdout().contains(expected), () -> expected + " missing:\n" + listed);
    }
  }

  @Test
  void reapplyingTheSameManifestKeepsTheResourceVersion() throws Exception {
    String name = uniqueName("cli");
    Path manifest = writeManifest(name, 0);
    assertTrue(kubectl.run("apply", "--server-side", "-f", manifest.toString()).ok());
    String before = resourceVersion("secret", name);
    assertTrue(kubectl.run("apply", "--server-side", "-f", manifest.toString()).ok());
    assertEquals(before, resourceVersion("secret", name));
    Kubectl.Result data = kubectl.run("get", "secret", name, "-o", "jsonpath={.data.token}");
    assertEquals("czNjcjN0", data.stdout(), "stringData stored base64");
  }

  @Test
  void scaleGoesThroughTheScaleSubresource() throws Exception {
    String name = uniqueName("cli");
    assertTrue(kubectl.run("apply", "--server-side", "-f", writeManifest(name, 1).toString()).ok());
    Kubectl.Result scaled = kubectl.run("scale", "deploy/" + name, "--replicas=2");
    assertTrue(scaled.ok(), scaled::toString);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Deployment d =
                  emulator
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace(NAMESPACE)
                      .withName(name)
                      .get();
              return d.getStatus() != null
                  && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas());
            });
  }

  private static String resourceVersion(String kind, String name) throws Exception {
    Kubectl.Result result =
        kubectl.run("get", kind, name, "-o", "jsonpath={.metadata.resourceVersion}");
    assertTrue(result.ok(), result::toString);
    return result.stdout();
  }

  private static String podNames(String deployment) throws Exception {
    return kubectl.run("get", "pods", "-l", "app=" + deployment, "-o", "name").stdout();
  }

  private static Path writeManifest(String name, int replicas) throws Exception {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          labels: {app.kubernetes.io/managed-by: slipway}
        spec:
          replicas: %2$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: gateway
                image: "gateway:1"
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: %1$s}
        stringData: {token: s3cr3t}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s}
        spec:
          selector: {app: %1$s}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %1$s}
        spec:
          rules:
          - host: %1$s.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: %1$s, port: {number: 80}}}
        """
            .formatted(name, replicas);
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }
}
