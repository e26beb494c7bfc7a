package dev.slipway.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.cli.ExitCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A group of running tenants sharing a label {@code suite=<group>}, made for one test: created and
 * followed to RUNNING through the tool, labelled through the API (the tool sets no labels; the
 * rollout selector and {@code tenants list --label} read them).
 */
final class LabelledTenants {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final String group;
  final List<String> slugs = new ArrayList<>();

  private LabelledTenants(String group) {
    this.group = group;
  }

  /** {@code suite=<group>}, as the tool's {@code --label} and {@code --labels} take it. */
  String label() {
    return "suite=" + group;
  }

  static LabelledTenants create(CliRunner admin, String apiUrl, String token, int count)
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 6);
    LabelledTenants tenants = new LabelledTenants("g-" + id);
    for (int i = 0; i < count; i++) {
      String slug = "cli-" + id + "-" + i;
      var created =
          admin.run("tenants", "create", slug, "--wait", "--interval", "200ms", "--timeout", "60s");
      assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
      HttpRequest patch =
          HttpRequest.newBuilder(URI.create(apiUrl.replaceAll("/$", "") + "/v1/tenants/" + slug))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/merge-patch+json")
              .method(
                  "PATCH",
                  HttpRequest.BodyPublishers.ofString(
                      "{\"labels\":{\"suite\":\"" + tenants.group + "\"}}"))
              .build();
      HttpResponse<String> labelled = HTTP.send(patch, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, labelled.statusCode(), labelled.body());
      tenants.slugs.add(slug);
    }
    return tenants;
  }
}
