package dev.slipway.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.cli.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A group of running tenants sharing a label {@code suite=<group>}, made for one test through the
 * tool: every other one labelled as it is created ({@code tenants create --label}), the rest by a
 * patch afterwards ({@code tenants patch --label}), then followed to RUNNING. The rollout selector
 * and {@code tenants list --label} read the label.
 */
final class LabelledTenants {
  final String group;
  final List<String> slugs = new ArrayList<>();

  private LabelledTenants(String group) {
    this.group = group;
  }

  /** {@code suite=<group>}, as the tool's {@code --label} and {@code --labels} take it. */
  String label() {
    return "suite=" + group;
  }

  static LabelledTenants create(CliRunner admin, int count) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 6);
    LabelledTenants tenants = new LabelledTenants("g-" + id);
    for (int i = 0; i < count; i++) {
      String slug = "cli-" + id + "-" + i;
      boolean atCreate = i % 2 == 0;
      List<String> create = new ArrayList<>(List.of("tenants", "create", slug));
      if (atCreate) {
        create.addAll(List.of("--label", tenants.label()));
      }
      create.addAll(List.of("--wait", "--interval", "200ms", "--timeout", "60s"));
      var created = admin.run(create.toArray(String[]::new));
      assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
      if (!atCreate) {
        var labelled = admin.run("tenants", "patch", slug, "--label", tenants.label());
        assertEquals(ExitCodes.OK, labelled.exitCode(), labelled.toString());
      }
      tenants.slugs.add(slug);
    }
    return tenants;
  }
}
