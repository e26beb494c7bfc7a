package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay runs the image its service builds (./slipway images, docs/images.md): the image name
 * of the service's application.properties, as the UID the image runs as, with the port it exposes;
 * prod pins the image by digest.
 */
class ImageSettingsTest {

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyServiceRunsTheImageItsBuildMakes(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Workloads w : Workloads.values()) {
      PodSpec pod = w.pod(objects);
      if (pod == null) {
        continue;
      }
      Properties image = imageSettings(w.module);
      String owner = overlay + "/" + w.workload;
      String repository =
          image.getProperty("quarkus.container-image.group")
              + "/"
              + image.getProperty("quarkus.container-image.name");
      Container c = pod.getContainers().get(0);
      String reference = c.getImage();
      String withoutDigest = reference.split("@", 2)[0];
      String name = withoutDigest.substring(0, withoutDigest.lastIndexOf(':'));
      assertTrue(
          name.equals(repository) || name.endsWith("/" + repository),
          owner + " runs " + reference + ", but " + w.module + " builds " + repository);
      if (overlay.equals("prod")) {
        assertTrue(reference.contains("@sha256:"), owner + ": prod pins images by digest");
      }
      Long runAsUser =
          c.getSecurityContext() != null && c.getSecurityContext().getRunAsUser() != null
              ? c.getSecurityContext().getRunAsUser()
              : pod.getSecurityContext().getRunAsUser();
      assertNotNull(runAsUser, owner + ": no runAsUser");
      assertEquals(
          image.getProperty("quarkus.jib.user"),
          String.valueOf(runAsUser),
          owner + ": the image's user (quarkus.jib.user) is not the pod's runAsUser");
      List<Integer> ports = c.getPorts().stream().map(ContainerPort::getContainerPort).toList();
      assertTrue(
          ports.contains(Integer.valueOf(image.getProperty("quarkus.http.port"))),
          owner + ": the image exposes quarkus.http.port, the container declares " + ports);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theFargateApiRunsTheApiImage(String example) {
    String tfvars = Repo.read("deploy/terraform/examples/" + example + ".tfvars");
    Matcher image = Pattern.compile("(?m)^\\s*image\\s*=\\s*\"([^\"]+)\"").matcher(tfvars);
    assertTrue(image.find(), example + ".tfvars sets no api_fargate image");
    Properties api = imageSettings("api-service");
    String repository =
        api.getProperty("quarkus.container-image.group")
            + "/"
            + api.getProperty("quarkus.container-image.name");
    assertTrue(image.group(1).contains("/" + repository + ":"), image.group(1));
    if (example.equals("prod")) {
      assertTrue(image.group(1).contains("@sha256:"), "prod pins the image by digest");
    }
  }

  private static Properties imageSettings(String module) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key :
        List.of(
            "quarkus.container-image.group",
            "quarkus.container-image.name",
            "quarkus.jib.user",
            "quarkus.http.port")) {
      assertNotNull(p.getProperty(key), module + " application.properties lacks " + key);
    }
    return p;
  }
}
