package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code PATCH /v1/tenants/{slug}} as a JSON merge patch of plan, image version, gateway limits,
 * labels.
 */
@Command(
    name = "patch",
    description = "Change a tenant's plan, image version, gateway limits or labels.")
final class TenantPatch implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG")
  String slug;

  @Option(names = "--plan", paramLabel = "NAME")
  String plan;

  @Option(names = "--image-version", paramLabel = "TAG", description = "pin the gateway image tag")
  String imageVersion;

  @Option(names = "--unpin-image", description = "back to the platform's image")
  boolean unpinImage;

  @Option(names = "--gateway", paramLabel = "KEY=VALUE", description = "gateway limit, repeatable")
  List<String> gateway = new ArrayList<>();

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "set a label (KEY- removes it), repeatable")
  List<String> labels = new ArrayList<>();

  @Option(names = "--if-match", paramLabel = "GENERATION", description = "412 if it changed since")
  String ifMatch;

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "default: a fresh one per invocation")
  String idempotencyKey;

  @Option(names = "--wait", description = "follow the tenant until it settles")
  boolean wait;

  @Mixin WatchOptions watch;

  TenantPatch(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ObjectNode patch = session.json().createObjectNode();
    if (plan != null) {
      patch.put("plan", plan);
    }
    if (imageVersion != null && unpinImage) {
      throw new CliException(
          ExitCodes.USAGE, "--image-version and --unpin-image exclude each other");
    }
    if (imageVersion != null) {
      patch.put("imageVersion", imageVersion);
    } else if (unpinImage) {
      patch.putNull("imageVersion");
    }
    if (!gateway.isEmpty()) {
      patch.set("gatewayConfig", GatewaySettings.parse(gateway, session.json()));
    }
    if (!labels.isEmpty()) {
      patch.set("labels", LabelSettings.parse(labels, true, session.json()));
    }
    if (patch.isEmpty()) {
      throw new CliException(
          ExitCodes.USAGE,
          "nothing to change: give --plan, --image-version, --unpin-image, --gateway or --label");
    }
    var response =
        session
            .api()
            .write(
                "PATCH",
                Paths.tenant(slug),
                patch,
                "application/merge-patch+json",
                ChangeResult.headers(ifMatch, idempotencyKey));
    return ChangeResult.show(session, response.body(), watch, wait);
  }
}
