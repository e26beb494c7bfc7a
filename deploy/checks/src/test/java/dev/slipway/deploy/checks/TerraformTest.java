package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.tools.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/terraform is `terraform fmt` clean, keeps the settings the worker relies on, and, where
 * the AWS provider is installed locally (no registry here), plans every option offline with
 * `terraform test` (tests/*.tftest.hcl, which validates the configuration first) and each example
 * tfvars (examples/).
 */
class TerraformTest {
  /** A filesystem mirror holding registry.terraform.io/hashicorp/aws; overridable. */
  private static final String DEFAULT_PLUGIN_DIR = "/opt/tf-plugins";

  private static final Map<String, String> OFFLINE =
      Map.of("CHECKPOINT_DISABLE", "1", "TF_IN_AUTOMATION", "1");
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

  @Test
  void formattedCanonically() {
    ExternalTool.Result r =
        ExternalTool.run(
            Repo.path(TerraformSources.DIR),
            List.of(terraform().toString(), "fmt", "-check", "-recursive", "-list=true", "."),
            OFFLINE);
    assertEquals(0, r.exitCode(), "terraform fmt would change:\n" + r.output());
  }

  @Test
  void redriveIsABackstopAtTwiceTheWorkersAttemptsAndTheDlqIsFifo() {
    String variables = Repo.read("deploy/terraform/variables.tf");
    assertTrue(variables.contains("condition     = var.max_receive_count >= 20"));
    String sqs = Repo.read("deploy/terraform/sqs.tf");
    assertTrue(sqs.contains("maxReceiveCount     = var.max_receive_count"));
    assertTrue(
        sqs.contains("name                        = \"${var.name_prefix}-commands-dlq.fifo\""));
    assertEquals(2, sqs.split("fifo_queue                  = true", -1).length - 1);
  }

  @Test
  void validatesAndPlansEveryOptionOffline() {
    Path terraform = terraform();
    Path plugins = pluginDir();
    Path dir = TerraformSources.copy();
    try {
      run(dir, terraform, "init", "-backend=false", "-input=false", "-plugin-dir=" + plugins);
      assertPassed(run(dir, terraform, "test", "-no-color"), 10);
      for (String example : List.of("dev", "prod")) {
        assertPassed(
            run(
                dir,
                terraform,
                "test",
                "-no-color",
                "-test-directory=examples",
                "-var-file=examples/" + example + ".tfvars"),
            1);
      }
    } finally {
      delete(dir);
    }
  }

  private static Path terraform() {
    Optional<Path> terraform = ExternalTool.find("terraform");
    assumeTrue(terraform.isPresent(), "terraform not on PATH: Terraform checks skipped");
    return terraform.get();
  }

  private static Path pluginDir() {
    String configured =
        System.getProperty(
            "slipway.terraform.plugin-dir",
            System.getenv().getOrDefault("SLIPWAY_TERRAFORM_PLUGIN_DIR", DEFAULT_PLUGIN_DIR));
    Path dir = Path.of(configured);
    assumeTrue(
        Files.isDirectory(dir.resolve("registry.terraform.io/hashicorp/aws")),
        "no AWS provider in "
            + dir
            + " (set slipway.terraform.plugin-dir): terraform validate/test skipped");
    return dir;
  }

  private static ExternalTool.Result run(Path dir, Path terraform, String... args) {
    List<String> command = new ArrayList<>(List.of(terraform.toString()));
    command.addAll(List.of(args));
    ExternalTool.Result r = ExternalTool.run(dir, command, OFFLINE);
    assertEquals(0, r.exitCode(), String.join(" ", args) + ":\n" + r.output());
    return r;
  }

  /** terraform test exits 0 with nothing to run, so the count matters too. */
  private static void assertPassed(ExternalTool.Result r, int atLeast) {
    Matcher m = SUMMARY.matcher(r.output());
    assertTrue(m.find(), "no test summary:\n" + r.output());
    assertEquals("0", m.group(2), r.output());
    assertTrue(Integer.parseInt(m.group(1)) >= atLeast, "too few runs:\n" + r.output());
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
