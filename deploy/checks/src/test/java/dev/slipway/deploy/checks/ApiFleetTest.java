package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One API fleet per environment, configured alike wherever it runs: an environment's overlay runs
 * the Kubernetes API exactly when its Terraform example does not run the Fargate one, and a Fargate
 * API gets the overlay's fleet and plan settings (a dev API on Fargate once sized tenants
 * differently from a dev API on Kubernetes).
 */
class ApiFleetTest {
  /** The overlay's API variables that are endpoints, which Terraform sets from its own queues. */
  private static final Set<String> ENDPOINTS =
      Set.of("SLIPWAY_API_QUEUE_URL", "SLIPWAY_API_OPS_DLQ_URL");

  @ParameterizedTest
  @ValueSource(strings = {"prod"})
  void exactlyOneApiFleet(String environment) {
    boolean onKubernetes = Workloads.API.pod(Rendered.overlay(environment)) != null;
    assertEquals(
        !onKubernetes,
        onFargate(tfvars(environment)),
        environment + ": the overlay's components/api or api_on_fargate, never both");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void aFargateApiGetsTheOverlaysFleetAndPlanSettings(String environment) {
    String tfvars = tfvars(environment);
    Map<String, String> overlay =
        Workloads.envs(Rendered.overlay(environment)).get(Workloads.WORKER);
    assertEquals(overlay.get("SLIPWAY_FLEET_DOMAIN"), string(tfvars, "domain"), "domain");
    assertEquals(overlay.get("SLIPWAY_FLEET_IMAGE"), string(tfvars, "tenant_image"), "image");
    assertEquals(apiSettings(Rendered.overlay(environment)), extraEnvironment(tfvars));
  }

  /** The Kubernetes API's own slipway.api settings that are not endpoints (plans, caps). */
  private static Map<String, String> apiSettings(java.util.List<HasMetadata> objects) {
    Map<String, String> settings = new TreeMap<>();
    Workloads.envs(objects)
        .get(Workloads.API)
        .forEach(
            (k, v) -> {
              if (k.startsWith("SLIPWAY_API_") && !ENDPOINTS.contains(k)) {
                settings.put(k, v);
              }
            });
    return settings;
  }

  private static String tfvars(String environment) {
    return Repo.read(TerraformSources.DIR + "/examples/" + environment + ".tfvars");
  }

  private static boolean onFargate(String tfvars) {
    Matcher m = Pattern.compile("(?m)^api_on_fargate\\s*=\\s*(true|false)").matcher(tfvars);
    return m.find() && Boolean.parseBoolean(m.group(1));
  }

  private static String string(String tfvars, String name) {
    Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(tfvars);
    return m.find() ? m.group(1) : null;
  }

  private static Map<String, String> extraEnvironment(String tfvars) {
    Map<String, String> env = new TreeMap<>();
    Matcher block =
        Pattern.compile("(?s)extra_environment\\s*=\\s*\\{(.*?)\\n\\s*}").matcher(tfvars);
    if (block.find()) {
      Matcher entry = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"").matcher(block.group(1));
      while (entry.find()) {
        env.put(entry.group(1), entry.group(2));
      }
    }
    return env;
  }
}
