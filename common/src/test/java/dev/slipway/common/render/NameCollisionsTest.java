package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.TenantSpec;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameCollisionsTest {

  @Test
  void aSlugCollidesWithTheTenantNamedLikeItsTlsSecret() {
    assertEquals(List.of("foo-tls"), NameCollisions.slugs("foo"));
  }

  @Test
  void aSlugEndingInTlsAlsoCollidesWithTheTenantWhoseTlsSecretItsTokenSecretWouldReplace() {
    assertEquals(List.of("foo-tls-tls", "foo"), NameCollisions.slugs("foo-tls"));
  }

  @Test
  void theCollidingTenantsReallyRenderASecretOfTheSameName() {
    // Both directions of every collision, checked against what the renderer derives: one tenant's
    // TLS Secret is the other's token Secret.
    for (String slug : List.of("acme", "acme-tls")) {
      Set<String> ours = secretNames(slug);
      for (String other : NameCollisions.slugs(slug)) {
        Set<String> shared = new HashSet<>(secretNames(other));
        shared.retainAll(ours);
        assertFalse(shared.isEmpty(), slug + " and " + other + " share no Secret name");
      }
    }
  }

  @Test
  void slugsWhoseSecretsDoNotMeetDoNotCollide() {
    assertTrue(Collections.disjoint(secretNames("acme"), secretNames("acme-tlsx")));
    assertFalse(NameCollisions.slugs("acme").contains("acme-tlsx"));
  }

  private static Set<String> secretNames(String slug) {
    TenantSpec t = TenantFixtures.tenant();
    DesiredObjects objects =
        TenantRenderer.render(
            new TenantSpec(t.id(), slug, 1, t.desiredState(), 1, t.gatewayToken()),
            RenderSettings.defaults());
    Set<String> names = new HashSet<>();
    names.add(objects.secret().getMetadata().getName());
    objects.ingress().getSpec().getTls().forEach(tls -> names.add(tls.getSecretName()));
    return names;
  }
}
