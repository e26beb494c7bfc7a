package dev.slipway.local.kube.http;

import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side apply field ownership with the real kubectl and two managers: conflicts without
 * {@code --force-conflicts}, forced takeover, and dropped fields removed only when unshared.
 */
class KubectlFieldOwnershipTest {

  @TempDir static Path dir;

  private static KubeEmulator emulator;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.available(), "no kubectl at " + Kubectl.BINARY);
    // The kubeconfig's default namespace is the first configured one.
    emulator = KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("elsewhere"));
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
  void anotherManagerConflictsUntilItForcesAndThenOwnsTheField() throws Exception {
    String name = uniqueName("own");
    assertOk(apply("slipway", deployment(name, "gateway:1")));

    Kubectl.Result conflict = apply("someone-else", deployment(name, "gateway:2"));
    assertFalse(conflict.ok(), conflict::toString);
    assertTrue(
        conflict.stderr().contains("conflict with \"slipway\"")
            && conflict.stderr().contains(".spec.template.spec.containers[name=\"gateway\"].image"),
        conflict::toString);
    assertEquals("gateway:1", image(name), "a refused apply changes nothing");

    assertOk(apply("someone-else", deployment(name, "gateway:2"), "--force-conflicts"));
    assertEquals("gateway:2", image(name));
    Kubectl.Result back = apply("slipway", deployment(name, "gateway:1"));
    assertFalse(back.ok(), back::toString);
    assertTrue(back.stderr().contains("conflict with \"someone-else\""), back::toString);
  }

  @Test
  void aDroppedFieldIsRemovedOnlyWhenNoOtherManagerOwnsIt() throws Exception {
    String name = uniqueName("drop");
    assertOk(apply("slipway", secret(name, "shared: same\n  mine: only-slipway\n")));
    assertOk(apply("someone-else", secret(name, "shared: same\n")));

    assertOk(apply("slipway", secret(name, "other: new\n")));

    Kubectl.Result data = kubectl.run("get", "secret", name, "-o", "jsonpath={.data}");
    assertTrue(data.ok(), data::toString);
    assertTrue(data.stdout().contains("\"shared\":"), data::toString);
    assertTrue(data.stdout().contains("\"other\":"), data::toString);
    assertFalse(data.stdout().contains("mine"), data::toString);
    Kubectl.Result managers =
        kubectl.run(
            "get",
            "secret",
            name,
            "--show-managed-fields",
            "-o",
            "jsonpath={.metadata.managedFields[*].manager}");
    assertEquals("slipway someone-else", managers.stdout().trim(), managers::toString);
  }

  private static Kubectl.Result apply(String manager, Path manifest, String... extra)
      throws Exception {
    String[] args = {
      "apply", "--server-side", "--field-manager=" + manager, "-f", manifest.toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return kubectl.run(all);
  }

  private static void assertOk(Kubectl.Result result) {
    assertTrue(result.ok(), result::toString);
  }

  private static String image(String name) throws Exception {
    return kubectl
        .run("get", "deploy", name, "-o", "jsonpath={.spec.template.spec.containers[0].image}")
        .stdout();
  }

  private static Path secret(String name, String data) throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: %s}
        stringData:
          %s"""
            .formatted(name, data);
    return Files.writeString(Files.createTempFile(dir, name, ".yaml"), yaml);
  }

  private static Path deployment(String name, String image) throws Exception {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers:
              - name: gateway
                image: "%2$s"
        """
            .formatted(name, image);
    return Files.writeString(Files.createTempFile(dir, name, ".yaml"), yaml);
  }
}
