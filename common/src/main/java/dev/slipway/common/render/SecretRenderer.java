package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.SECRET_TOKEN_KEY;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tenant Secret holding the gateway token. */
final class SecretRenderer {
  private SecretRenderer() {}

  static Secret render(TenantSpec tenant, RenderSettings settings) {
    // `data`, not `stringData`: the API server returns only `data`, so comparing desired and
    // observed Secrets (and a mock server that does not convert) needs the encoded form.
    String encoded =
        Base64.getEncoder().encodeToString(tenant.gatewayToken().getBytes(StandardCharsets.UTF_8));
    // Setters, not the builder, as the other renderers: a reconcile pass renders every tenant.
    Secret secret = new Secret();
    secret.setApiVersion("v1");
    secret.setKind("Secret");
    secret.setMetadata(TenantLabels.objectMeta(tenant, settings));
    secret.setType("Opaque");
    Map<String, String> data = new LinkedHashMap<>();
    data.put(SECRET_TOKEN_KEY, encoded);
    secret.setData(data);
    return secret;
  }
}
