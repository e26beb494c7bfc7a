package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The effective rights of one service account: "group/resource" to verbs, over all its Roles. */
final class Rights {
  private Rights() {}

  /** Over every namespace. */
  static Map<String, Set<String>> of(List<HasMetadata> objects, String serviceAccount) {
    return of(objects, serviceAccount, null);
  }

  /** In one namespace only ({@code null}: every namespace). */
  static Map<String, Set<String>> of(
      List<HasMetadata> objects, String serviceAccount, String namespace) {
    Map<String, Set<String>> rights = new TreeMap<>();
    for (RoleBinding binding : Rendered.ofType(objects, RoleBinding.class)) {
      if (namespace != null && !namespace.equals(binding.getMetadata().getNamespace())) {
        continue;
      }
      boolean bound =
          binding.getSubjects().stream()
              .anyMatch(
                  s -> "ServiceAccount".equals(s.getKind()) && serviceAccount.equals(s.getName()));
      if (!bound) {
        continue;
      }
      Role role =
          Rendered.ofType(objects, Role.class).stream()
              .filter(r -> r.getMetadata().getName().equals(binding.getRoleRef().getName()))
              .filter(
                  r -> r.getMetadata().getNamespace().equals(binding.getMetadata().getNamespace()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "dangling RoleBinding " + binding.getMetadata().getName()));
      for (PolicyRule rule : role.getRules()) {
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            rights
                .computeIfAbsent(group + "/" + resource, k -> new HashSet<>())
                .addAll(rule.getVerbs());
          }
        }
      }
    }
    return rights;
  }
}
