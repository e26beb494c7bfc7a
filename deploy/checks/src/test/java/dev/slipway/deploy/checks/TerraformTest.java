package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** deploy/terraform is `terraform fmt` clean, and keeps the settings the worker relies on. */
class TerraformTest {
  @Test
  void formattedCanonically() {
    Optional<Path> terraform = Tools.find("terraform");
    assumeTrue(terraform.isPresent(), "terraform not on PATH: `terraform fmt -check` skipped");
    Tools.Result r =
        Tools.run(
            Repo.path("deploy/terraform"),
            List.of(terraform.get().toString(), "fmt", "-check", "-recursive", "-list=true", "."));
    assertEquals(0, r.exitCode(), "terraform fmt would change:\n" + r.output());
  }

  @Test
  void redriveNeedsAtLeastFiveReceivesAndTheDlqIsFifo() {
    String variables = Repo.read("deploy/terraform/variables.tf");
    assertTrue(variables.contains("condition     = var.max_receive_count >= 5"));
    String sqs = Repo.read("deploy/terraform/sqs.tf");
    assertTrue(sqs.contains("maxReceiveCount     = var.max_receive_count"));
    assertTrue(
        sqs.contains("name                        = \"${var.name_prefix}-commands-dlq.fifo\""));
    assertEquals(2, sqs.split("fifo_queue                  = true", -1).length - 1);
  }
}
