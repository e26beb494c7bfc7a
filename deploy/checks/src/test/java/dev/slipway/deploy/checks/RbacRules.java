package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Slipway's RBAC policy as a pure function over rendered objects: namespaced Roles in tenant
 * namespaces only, no wildcard, no cluster-scoped rights, no privilege-granting verbs, nothing
 * bound to the API's service account. Returns one message per violation (empty: compliant).
 *
 * <p>Tenant namespaces are the Namespaces of the rendering labelled {@code
 * app.kubernetes.io/managed-by: slipway} (namespace sharding: {@code tenants} and any shards); a
 * rendering that declares none (a snippet) is held to {@code tenants}.
 */
final class RbacRules {
  static final String TENANTS_NAMESPACE = "tenants";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String API_SERVICE_ACCOUNT = "api-service";
  private static final Set<String> DANGEROUS_VERBS =
      Set.of("escalate", "bind", "impersonate", "approve", "sign");

  /**
   * deletecollection (a mass delete in one request) only for the worker, only on the kinds it
   * renders: it removes a tenant's objects by their tenant-id label instead of reading each first
   * (provisioner-worker apply.CollectionDelete). Its list right on Deployments and the names of
   * every tenant's objects (their slugs) gave it the same reach with single deletes already.
   */
  static final String WORKER_ROLE = "slipway-provisioner-worker";

  private static final Set<String> TENANT_KINDS =
      Set.of("secrets", "services", "deployments", "ingresses", "horizontalpodautoscalers");

  private RbacRules() {}

  static List<String> violations(List<HasMetadata> objects) {
    Set<String> tenantNamespaces = tenantNamespaces(objects);
    if (tenantNamespaces.isEmpty()) {
      tenantNamespaces = Set.of(TENANTS_NAMESPACE);
    }
    List<String> problems = new ArrayList<>();
    for (HasMetadata object : objects) {
      String id = object.getKind() + " " + object.getMetadata().getName();
      if (object instanceof ClusterRole || object instanceof ClusterRoleBinding) {
        problems.add(id + ": cluster-scoped RBAC is not allowed");
      } else if (object instanceof Role role) {
        checkNamespace(role, id, tenantNamespaces, problems);
        List<PolicyRule> rules = role.getRules() == null ? List.of() : role.getRules();
        for (PolicyRule rule : rules) {
          checkRule(rule, id, problems);
          checkCollectionDelete(rule, role, id, problems);
        }
      } else if (object instanceof RoleBinding binding) {
        checkNamespace(binding, id, tenantNamespaces, problems);
        checkBinding(binding, id, problems);
      }
    }
    return problems;
  }

  /** The Namespaces of the rendering labelled as Slipway's tenant namespaces, sorted. */
  static Set<String> tenantNamespaces(List<HasMetadata> objects) {
    Set<String> names = new TreeSet<>();
    for (HasMetadata object : objects) {
      Map<String, String> labels = object.getMetadata().getLabels();
      if (object instanceof Namespace
          && labels != null
          && "slipway".equals(labels.get(MANAGED_BY))) {
        names.add(object.getMetadata().getName());
      }
    }
    return names;
  }

  private static void checkNamespace(
      HasMetadata object, String id, Set<String> tenantNamespaces, List<String> problems) {
    if (!tenantNamespaces.contains(object.getMetadata().getNamespace())) {
      problems.add(id + ": must live in a tenant namespace " + tenantNamespaces);
    }
  }

  private static void checkRule(PolicyRule rule, String id, List<String> problems) {
    wildcards(rule.getApiGroups(), id, "apiGroups", problems);
    wildcards(rule.getResources(), id, "resources", problems);
    wildcards(rule.getVerbs(), id, "verbs", problems);
    wildcards(rule.getResourceNames(), id, "resourceNames", problems);
    if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
      problems.add(id + ": nonResourceURLs are cluster-scoped");
    }
    if (rule.getVerbs() == null || rule.getVerbs().isEmpty()) {
      problems.add(id + ": a rule without verbs");
    } else {
      rule.getVerbs().stream()
          .filter(DANGEROUS_VERBS::contains)
          .forEach(v -> problems.add(id + ": verb " + v + " is not allowed"));
    }
    if (rule.getResources() == null || rule.getResources().isEmpty()) {
      problems.add(id + ": a rule without resources");
    }
  }

  private static void checkCollectionDelete(
      PolicyRule rule, Role role, String id, List<String> problems) {
    if (rule.getVerbs() == null || !rule.getVerbs().contains("deletecollection")) {
      return;
    }
    boolean worker = WORKER_ROLE.equals(role.getMetadata().getName());
    if (!worker || rule.getResources() == null || !TENANT_KINDS.containsAll(rule.getResources())) {
      problems.add(
          id + ": verb deletecollection is allowed only to " + WORKER_ROLE + " on " + TENANT_KINDS);
    }
  }

  private static void wildcards(List<String> values, String id, String field, List<String> out) {
    if (values != null && values.stream().anyMatch(v -> v.contains("*"))) {
      out.add(id + ": wildcard in " + field + " " + values);
    }
  }

  private static void checkBinding(RoleBinding binding, String id, List<String> problems) {
    if (!"Role".equals(binding.getRoleRef().getKind())) {
      problems.add(id + ": binds a " + binding.getRoleRef().getKind() + ", only Roles allowed");
    }
    List<Subject> subjects = binding.getSubjects() == null ? List.of() : binding.getSubjects();
    for (Subject subject : subjects) {
      if (!"ServiceAccount".equals(subject.getKind())) {
        problems.add(id + ": subject " + subject.getKind() + " " + subject.getName());
      } else if (API_SERVICE_ACCOUNT.equals(subject.getName())) {
        problems.add(id + ": the api-service gets no Kubernetes rights");
      }
    }
  }
}
