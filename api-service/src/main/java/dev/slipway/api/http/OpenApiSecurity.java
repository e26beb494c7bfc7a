package dev.slipway.api.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Quarkus derives each operation's security requirement from {@code @RolesAllowed} and lists the
 * roles as scopes of the bearer scheme, which OpenAPI allows only for OAuth2 and OpenID Connect
 * schemes. Roles are claims of our JWT ({@link Roles}), not scopes: this filter requires the plain
 * bearer scheme and moves the roles into the operation's description.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSecurity implements OASFilter {
  static final String SCHEME = "bearer";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .values()
        .forEach(item -> item.getOperations().values().forEach(OpenApiSecurity::rolesToText));
  }

  private static void rolesToText(Operation op) {
    if (op.getSecurity() == null) {
      return;
    }
    List<String> roles = new ArrayList<>();
    for (SecurityRequirement requirement : op.getSecurity()) {
      List<String> scopes = requirement.getScheme(SCHEME);
      if (scopes != null) {
        roles.addAll(scopes);
      }
    }
    op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
    if (!roles.isEmpty()) {
      String text =
          "Roles (the token's `groups` claim): "
              + String.join(", ", roles.stream().map(r -> "`" + r + "`").toList())
              + ".";
      String description = op.getDescription();
      op.setDescription(description == null ? text : description + "\n\n" + text);
    }
  }
}
