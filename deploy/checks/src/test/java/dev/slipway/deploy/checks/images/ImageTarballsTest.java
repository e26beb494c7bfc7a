package dev.slipway.deploy.checks.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images ./slipway images --local-base writes (docs/images.md), read from their tarballs: what
 * each runs (entrypoint, user, working directory, environment), exposes and is labelled with, and
 * its layers (each as its config's diff id says, the base first, the application split so that
 * dependencies and our own jars change separately). Opt-in: runs only when {@code
 * slipway.images.dir} names the tarballs' directory, as that command does.
 */
@EnabledIfSystemProperty(named = "slipway.images.dir", matches = ".+")
class ImageTarballsTest {
  private static final String RUN_JAVA = "/opt/jboss/container/java/run/run-java.sh";
  private static final String APP_DIR = "/home/jboss";

  @ParameterizedTest
  @ValueSource(strings = {"api-service", "provisioner-worker", "reconciler-job"})
  void imageRunsTheServiceAsTheManifestsExpect(String service) {
    Properties settings = settings(service);
    ImageTarball image = ImageTarball.read(tarball(service));
    JsonNode config = image.config().get("config");

    String tag = image.manifest().get("RepoTags").get(0).asText();
    String repository = settings.getProperty("quarkus.container-image.group") + "/" + service;
    assertTrue(tag.startsWith(repository + ":") || tag.contains("/" + repository + ":"), tag);
    assertEquals("linux", image.config().get("os").asText());
    assertEquals(List.of(RUN_JAVA), strings(config.get("Entrypoint")), "entrypoint");
    assertEquals(settings.getProperty("quarkus.jib.user"), config.get("User").asText(), "user");
    assertNotEquals("0", config.get("User").asText(), "runs as root");
    assertEquals(APP_DIR, config.get("WorkingDir").asText());
    List<String> env = strings(config.get("Env"));
    assertTrue(env.contains("JAVA_APP_JAR=" + APP_DIR + "/quarkus-run.jar"), env.toString());
    assertTrue(env.stream().anyMatch(e -> e.startsWith("JAVA_OPTS_APPEND=")), env.toString());
    List<String> ports = new ArrayList<>();
    config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    assertEquals(List.of(settings.getProperty("quarkus.http.port") + "/tcp"), ports);

    JsonNode labels = config.get("Labels");
    assertEquals("slipway-" + service, labels.path("org.opencontainers.image.title").asText());
    assertEquals(
        System.getProperty("slipway.project.version"),
        labels.path("org.opencontainers.image.version").asText(),
        "version label");
    String revision = labels.path("org.opencontainers.image.revision").asText();
    String expectedRevision = System.getProperty("slipway.images.revision", "");
    assertTrue(
        expectedRevision.isEmpty()
            ? revision.matches("[0-9a-f]{40}(-dirty)?")
            : revision.equals(expectedRevision),
        "revision label " + revision);

    assertLayers(image);
  }

  private static void assertLayers(ImageTarball image) {
    List<String> diffIds = strings(image.config().get("rootfs").get("diff_ids"));
    List<ImageTarball.Layer> layers = image.layers();
    assertEquals(diffIds.size(), layers.size(), "layers in the manifest and the config");
    for (int i = 0; i < layers.size(); i++) {
      assertEquals(diffIds.get(i), layers.get(i).diffId(), "layer " + i + " is not its diff id");
    }
    String base = System.getProperty("slipway.images.base", "");
    if (!base.isEmpty()) {
      ImageTarball baseImage = ImageTarball.read(Path.of(base));
      List<String> baseIds = strings(baseImage.config().get("rootfs").get("diff_ids"));
      assertEquals(baseIds, diffIds.subList(0, baseIds.size()), "the base's layers come first");
    }
    int entrypoint = layerWith(layers, e -> e.getName().equals(RUN_JAVA.substring(1)));
    TarArchiveEntry script = entry(layers.get(entrypoint), RUN_JAVA.substring(1));
    assertTrue((script.getMode() & 0111) != 0, "the entrypoint is not executable");
    int runner = layerWith(layers, e -> e.getName().equals("home/jboss/quarkus-run.jar"));
    int ours =
        layerWith(layers, e -> e.getName().matches("home/jboss/lib/main/dev\\.slipway\\..*"));
    int quarkus =
        layerWith(layers, e -> e.getName().matches("home/jboss/lib/main/io\\.quarkus\\..*"));
    assertTrue(entrypoint < runner, "the application is layered on top of the base");
    assertNotEquals(ours, quarkus, "our jars share a layer with the dependencies");
    for (ImageTarball.Layer layer : layers) {
      for (TarArchiveEntry e : layer.entries()) {
        // World-writable only as /tmp is: a directory with the sticky bit.
        boolean worldWritable = (e.getMode() & 0002) != 0 && !e.isSymbolicLink();
        boolean stickyDirectory = e.isDirectory() && (e.getMode() & 01000) != 0;
        assertTrue(!worldWritable || stickyDirectory, "world-writable: " + e.getName());
      }
    }
  }

  private static int layerWith(List<ImageTarball.Layer> layers, Predicate<TarArchiveEntry> match) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).entries().stream().anyMatch(match)) {
        return i;
      }
    }
    throw new AssertionError("no layer has the file");
  }

  private static TarArchiveEntry entry(ImageTarball.Layer layer, String name) {
    return layer.entries().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Path tarball(String service) {
    Path tarball = Path.of(System.getProperty("slipway.images.dir")).resolve(service + ".tar");
    assertTrue(Files.isRegularFile(tarball), "no image tarball " + tarball);
    return tarball;
  }

  private static Properties settings(String service) {
    Path file =
        Path.of(System.getProperty("slipway.root"))
            .resolve(service + "/src/main/resources/application.properties");
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
