package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API-on-Fargate cost options (docs/deploy.md) read from the source, so that they are checked
 * even without terraform: original defaults, validations, and the root module passing every setting
 * through with the module's own default. TerraformTest plans them when it can.
 */
class TerraformOptionsTest {
  /** What CloudWatch Logs accepts as retention_in_days. */
  static final List<String> CLOUDWATCH_RETENTIONS =
      List.of(
          "1", "3", "5", "7", "14", "30", "60", "90", "120", "150", "180", "365", "400", "545",
          "731", "1096", "1827", "2192", "2557", "2922", "3288", "3653");

  /** Module inputs the root sets itself rather than from var.api_fargate. */
  private static final Set<String> SET_BY_THE_ROOT =
      Set.of(
          "name_prefix",
          "region",
          "queue_url",
          "dlq_url",
          "queue_policy_json",
          "token_kms_key_arn",
          "token_key_policy_json",
          "log_retention_days");

  private static final Pattern CONTAINS = Pattern.compile("contains\\(\\[([^\\]]*)\\],");
  private static final Pattern OPTIONAL = Pattern.compile("optional\\((.*)\\)");

  private final List<Hcl.Block> module = TerraformSources.blocks("modules/api-fargate");
  private final List<Hcl.Block> root = TerraformSources.blocks("");

  @Test
  void theOptionsDefaultToTheOriginalSetup() {
    Map<String, String> original = new LinkedHashMap<>();
    original.put("ingress", "\"alb\"");
    original.put("cpu_architecture", "\"X86_64\"");
    original.put("fargate_spot", "false");
    original.put("assign_public_ip", "false");
    original.put("secret_store", "\"secrets_manager\"");
    original.put("cpu", "512");
    original.put("memory", "1024");
    original.put("desired_count", "2");
    original.put("log_retention_days", "30");
    original.forEach((name, value) -> assertEquals(value, defaultOf(module, name), name));
    assertEquals("\"prod\"", defaultOf(root, "environment"));
    assertEquals("30", retentionDefaults().get("prod"), "prod keeps the original 30 days");
  }

  @Test
  void everyChoiceIsValidatedAgainstItsAllowedValues() {
    assertEquals(List.of("\"alb\"", "\"api_gateway\""), allowed(module, "ingress"));
    assertEquals(List.of("\"X86_64\"", "\"ARM64\""), allowed(module, "cpu_architecture"));
    assertEquals(List.of("\"secrets_manager\"", "\"ssm\""), allowed(module, "secret_store"));
    assertEquals(CLOUDWATCH_RETENTIONS, allowed(module, "log_retention_days"));
    assertEquals(List.of("\"dev\"", "\"staging\"", "\"prod\""), allowed(root, "environment"));
    assertEquals(CLOUDWATCH_RETENTIONS, allowed(root, "log_retention_days"));
    for (String name : List.of("cpu", "fargate_on_demand_base", "database_parameter_path")) {
      assertFalse(variable(module, name).blocks("validation").isEmpty(), name + " is validated");
    }
  }

  @Test
  void retentionGrowsFromDevToProdWithinWhatCloudWatchAccepts() {
    Map<String, String> days = retentionDefaults();
    assertEquals(Set.of("dev", "staging", "prod"), days.keySet());
    days.values().forEach(d -> assertTrue(CLOUDWATCH_RETENTIONS.contains(d), d));
    int dev = Integer.parseInt(days.get("dev"));
    int staging = Integer.parseInt(days.get("staging"));
    int prod = Integer.parseInt(days.get("prod"));
    assertTrue(dev < staging && staging < prod, "dev < staging < prod: " + days);
  }

  @Test
  void theRootPassesEveryModuleSettingWithTheModulesDefault() {
    Map<String, String> object = objectAttributes(typeOf(root, "api_fargate"));
    Set<String> settings =
        module.stream()
            .filter(b -> b.type().equals("variable"))
            .map(Hcl.Block::label)
            .filter(n -> !SET_BY_THE_ROOT.contains(n))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(settings, new TreeSet<>(object.keySet()), "api_fargate's attributes");
    Hcl.Block call = Hcl.block(root, "module", "api_fargate");
    for (String name : settings) {
      assertEquals("var.api_fargate." + name, call.attribute(name).orElse(null), name);
      Matcher optional = OPTIONAL.matcher(object.get(name));
      String moduleDefault = variable(module, name).attribute("default").orElse(null);
      if (!optional.matches()) {
        assertEquals(null, moduleDefault, name + " is required in both");
        continue;
      }
      List<String> args = Hcl.splitArguments(optional.group(1));
      String rootDefault = args.size() > 1 ? Hcl.normalized(args.get(1)) : "null";
      assertEquals(
          rootDefault,
          moduleDefault == null ? null : Hcl.normalized(moduleDefault),
          name + ": the root's optional default is the module's");
    }
  }

  @Test
  void failedDeploymentsRollBack() {
    Hcl.Block service = Hcl.block(module, "resource", "aws_ecs_service");
    Hcl.Block breaker = service.blocks("deployment_circuit_breaker").get(0);
    assertEquals("true", breaker.attribute("enable").orElseThrow());
    assertEquals("true", breaker.attribute("rollback").orElseThrow());
  }

  @Test
  void theDocsShowTheExampleTfvarsAsTheyAre() {
    String docs = Repo.read("docs/deploy.md");
    for (String example : List.of("dev", "prod")) {
      String tfvars = Repo.read(TerraformSources.DIR + "/examples/" + example + ".tfvars");
      assertTrue(docs.contains(tfvars.strip()), "docs/deploy.md shows examples/" + example);
    }
  }

  private Map<String, String> retentionDefaults() {
    String map = defaultOf(root, "log_retention_days");
    Map<String, String> days = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)").matcher(map);
    while (m.find()) {
      days.put(m.group(1), m.group(2));
    }
    return days;
  }

  private static Map<String, String> objectAttributes(String type) {
    String inner = type.substring(type.indexOf("({") + 2, type.lastIndexOf("})"));
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String line : inner.split("\n")) {
      Matcher m = Pattern.compile("^\\s*(\\w+)\\s*=\\s*(.+?)\\s*$").matcher(line);
      if (m.matches()) {
        attributes.put(m.group(1), m.group(2));
      }
    }
    return attributes;
  }

  private static List<String> allowed(List<Hcl.Block> blocks, String name) {
    for (Hcl.Block validation : variable(blocks, name).blocks("validation")) {
      Matcher m = CONTAINS.matcher(validation.attribute("condition").orElse(""));
      if (m.find()) {
        return Hcl.splitArguments(m.group(1));
      }
    }
    throw new AssertionError(name + " has no contains([...]) validation");
  }

  private static String defaultOf(List<Hcl.Block> blocks, String name) {
    return variable(blocks, name)
        .attribute("default")
        .orElseThrow(() -> new AssertionError(name + " has no default"));
  }

  private static String typeOf(List<Hcl.Block> blocks, String name) {
    return variable(blocks, name).attribute("type").orElseThrow();
  }

  private static Hcl.Block variable(List<Hcl.Block> blocks, String name) {
    return Hcl.block(blocks, "variable", name);
  }
}
