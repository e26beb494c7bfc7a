package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code POST /v1/tenants}: the gateway token is shown once, here. */
@Command(
    name = "create",
    description = "Create a tenant (202: queued; --wait follows it to RUNNING).")
final class TenantCreate implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG", description = "DNS label, 3-40 characters")
  String slug;

  @Option(
      names = "--plan",
      paramLabel = "NAME",
      description = "plan name (default: the catalogue's default)")
  String plan;

  @Option(names = "--image-version", paramLabel = "TAG", description = "pin the gateway image tag")
  String imageVersion;

  @Option(names = "--gateway", paramLabel = "KEY=VALUE", description = "gateway limit, repeatable")
  List<String> gateway = new ArrayList<>();

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "a label, repeatable")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "default: a fresh one per invocation")
  String idempotencyKey;

  @Option(names = "--wait", description = "follow the tenant until it settles")
  boolean wait;

  @Mixin WatchOptions watch;

  TenantCreate(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ObjectNode body = session.json().createObjectNode().put("slug", slug);
    if (plan != null) {
      body.put("plan", plan);
    }
    if (imageVersion != null) {
      body.put("imageVersion", imageVersion);
    }
    if (!gateway.isEmpty()) {
      body.set("gatewayConfig", GatewaySettings.parse(gateway, session.json()));
    }
    if (!labels.isEmpty()) {
      body.set("labels", LabelSettings.parse(labels, false, session.json()));
    }
    var response =
        session
            .api()
            .write(
                "POST",
                "v1/tenants",
                body,
                "application/json",
                ChangeResult.headers(null, idempotencyKey));
    return ChangeResult.show(session, response.body(), watch, wait);
  }
}
