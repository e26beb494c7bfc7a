package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespacesTest {
  @ParameterizedTest
  @ValueSource(strings = {"tenants", "t", "tenants-2", "0"})
  void validNames(String name) {
    assertEquals(Optional.empty(), Namespaces.problem(name));
    assertEquals(Optional.empty(), Namespaces.problem("a".repeat(63)), "63 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Tenants", "-tenants", "tenants-", "ten_ants", "ten.ants"})
  void invalidNames(String name) {
    assertTrue(Namespaces.problem(name).isPresent(), name);
    assertTrue(Namespaces.problem("a".repeat(64)).isPresent(), "64 characters");
  }

  @Test
  void aConfiguredListIsTrimmedAndKeepsItsOrder() {
    assertEquals(
        List.of("tenants", "tenants-2", "tenants-3"),
        Namespaces.checked("k", List.of(" tenants", "tenants-2 ", "tenants-3")));
  }

  @Test
  void aConfiguredListMustBeUsable() {
    assertRejected("k: at least one namespace", List.of());
    assertRejected("k: at least one namespace", null);
    assertRejected("listed twice", List.of("tenants", " tenants"));
    assertRejected("k: namespace 'Bad_Name' is not a DNS-1123 label", List.of("Bad_Name"));
    assertRejected("must not be empty", Arrays.asList("tenants", null));
  }

  @Test
  void aTenantNamesAValidNamespaceOrNone() {
    TenantSpec tenant = new TenantSpec(UUID.randomUUID(), "acme", 1, DesiredState.RUNNING, 1, "t");
    assertEquals(null, tenant.namespace(), "none: the renderer's default");
    assertEquals("tenants-2", tenant.inNamespace("tenants-2").namespace());
    assertThrows(IllegalArgumentException.class, () -> tenant.inNamespace("Not Valid"));
    assertTrue(tenant.inNamespace("tenants-2").toString().contains("namespace=tenants-2"));
  }

  private static void assertRejected(String expected, List<String> configured) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Namespaces.checked("k", configured));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
