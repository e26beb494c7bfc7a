package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares rendered objects with hand-checked YAML in {@code src/test/resources/golden}. Run with
 * {@code -Dslipway.golden.update=true} to rewrite the files from the renderer, then review the
 * diff.
 */
class TenantRendererGoldenTest {
  private static final String UPDATE_PROPERTY = "slipway.golden.update";

  private static final ObjectMapper SORTED =
      TenantFixtures.YAML.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** Golden file name to the object it holds: the seed-sized tenant, then an autoscaling one. */
  private static final Map<String, Supplier<HasMetadata>> CASES =
      Map.of(
          "secret", () -> seedSized().secret(),
          "deployment", () -> seedSized().deployment(),
          "service", () -> seedSized().service(),
          "ingress", () -> seedSized().ingress(),
          "deployment-autoscaled", () -> autoscaled().deployment(),
          "autoscaler", () -> autoscaled().autoscaler().orElseThrow(),
          "ingress-alb", () -> behindAlb().ingress(),
          "deployment-digest", () -> byDigest().deployment());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secret",
        "deployment",
        "service",
        "ingress",
        "deployment-autoscaled",
        "autoscaler",
        "ingress-alb",
        "deployment-digest"
      })
  void matchesGolden(String kind) throws IOException {
    HasMetadata rendered = CASES.get(kind).get();
    String actualYaml = TenantFixtures.yaml(rendered);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      writeGolden(kind, actualYaml);
      return;
    }
    // Both sides go through the YAML parser so scalars get the same node types.
    JsonNode actual = TenantFixtures.YAML.readTree(actualYaml);
    JsonNode expected = TenantFixtures.YAML.readTree(readGolden(kind));
    if (!expected.equals(actual)) {
      fail(
          "golden/%s.yaml differs from the rendered %s (rerun with -D%s=true to accept)%n"
                  .formatted(kind, kind, UPDATE_PROPERTY)
              + "--- expected (golden, keys sorted)\n"
              + sortedYaml(expected)
              + "+++ actual (rendered, keys sorted)\n"
              + sortedYaml(actual));
    }
  }

  private static DesiredObjects seedSized() {
    return TenantFixtures.render(TenantFixtures.tenant());
  }

  private static DesiredObjects behindAlb() {
    RenderSettings d = RenderSettings.defaults();
    RenderSettings alb =
        new RenderSettings(
            d.namespace(),
            d.domain(),
            d.image(),
            "alb",
            d.clusterIssuer(),
            IngressProfile.ALB,
            RenderSettings.DEFAULT_STREAM_TIMEOUT_SECONDS,
            RenderSettings.DEFAULT_ALB_GROUP);
    return TenantRenderer.render(TenantFixtures.tenant(), alb);
  }

  /** Pinned to a tag and a digest: the digest must reach the pod template unchanged. */
  private static DesiredObjects byDigest() {
    return TenantFixtures.render(
        TenantFixtures.pinned("1.4.2@sha256:" + "0123456789abcdef".repeat(4)));
  }

  private static DesiredObjects autoscaled() {
    return TenantFixtures.render(TenantFixtures.large());
  }

  /** Both sides with keys sorted, so a line diff of the two shows only real differences. */
  private static String sortedYaml(JsonNode node) throws IOException {
    return SORTED.writeValueAsString(SORTED.treeToValue(node, Object.class));
  }

  private static String readGolden(String kind) throws IOException {
    try (InputStream in = TenantRendererGoldenTest.class.getResourceAsStream(resource(kind))) {
      assertNotNull(in, "missing golden file " + resource(kind));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void writeGolden(String kind, String yaml) throws IOException {
    // Surefire sets basedir to the module directory; fall back to the working directory.
    Path dir = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(kind + ".yaml"), yaml, StandardCharsets.UTF_8);
  }

  private static String resource(String kind) {
    return "/golden/" + kind + ".yaml";
  }
}
