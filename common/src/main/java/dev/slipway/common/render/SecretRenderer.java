package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.SECRET_TOKEN_KEY;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The tenant Secret holding the gateway token. */
final class SecretRenderer {
  private SecretRenderer() {}

  static Secret render(TenantSpec tenant, RenderSettings settings) {
    // `data`, not `stringData`: the API server returns only `data`, so comparing desired and
    // observed Secrets (and a mock server that does not convert) needs the encoded form.
    String encoded =
        Base64.getEncoder().encodeToString(tenant.gatewayToken().getBytes(StandardCharsets.UTF_8));
    return new SecretBuilder()
        .withApiVersion("v1")
        .withKind("Secret")
        .withMetadata(TenantLabels.objectMeta(tenant, settings))
        .withType("Opaque")
        .addToData(SECRET_TOKEN_KEY, encoded)
        .build();
  }
}
