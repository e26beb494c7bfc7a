package dev.slipway.local.kube.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.LabelSelector;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.local.kube.store.StoreListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC authorizer: the rules an identity has in a namespace come from the RoleBindings there
 * (to a Role of that namespace or a ClusterRole) and from every ClusterRoleBinding, all read from
 * the store, so RBAC objects created or replaced through the API take effect at once. Members of
 * {@code system:masters} are allowed everything, as on a real server, and every authenticated user
 * gets the built-in {@link BuiltInRules}. Rules are cached per user and namespace until an RBAC
 * object changes.
 */
public final class Rbac {

  public static final String GROUP = "rbac.authorization.k8s.io";
  static final String ROLES = ObjectRef.type(GROUP, "roles");
  static final String CLUSTER_ROLES = ObjectRef.type(GROUP, "clusterroles");
  static final String ROLE_BINDINGS = ObjectRef.type(GROUP, "rolebindings");
  static final String CLUSTER_ROLE_BINDINGS = ObjectRef.type(GROUP, "clusterrolebindings");

  private final ObjectStore store;
  private final Map<String, List<JsonNode>> cache = new ConcurrentHashMap<>();

  public Rbac(ObjectStore store) {
    this.store = store;
    store.addListener(this::changed);
  }

  private void changed(StoreListener.Change change, StoredObject previous, StoredObject current) {
    if (current.ref().type().endsWith("." + GROUP)) {
      cache.clear();
    }
  }

  public boolean allows(Identity identity, Attributes request) {
    if (identity.superUser()) {
      return true;
    }
    for (JsonNode rule : rules(identity, request.namespace())) {
      if (PolicyRules.allows(rule, request)) {
        return true;
      }
    }
    return false;
  }

  /** Every rule that applies to {@code identity} in {@code namespace} ("" : cluster-wide only). */
  public List<JsonNode> rules(Identity identity, String namespace) {
    return cache.computeIfAbsent(
        identity.user() + "\n" + namespace, k -> List.copyOf(collect(identity, namespace)));
  }

  private List<JsonNode> collect(Identity identity, String namespace) {
    List<JsonNode> rules = new ArrayList<>(BuiltInRules.AUTHENTICATED);
    for (JsonNode binding : all(CLUSTER_ROLE_BINDINGS, "")) {
      if (binds(binding, identity)) {
        addRoleRules(rules, binding.path("roleRef"), "");
      }
    }
    if (!namespace.isEmpty()) {
      for (JsonNode binding : all(ROLE_BINDINGS, namespace)) {
        if (binds(binding, identity)) {
          addRoleRules(rules, binding.path("roleRef"), namespace);
        }
      }
    }
    return rules;
  }

  private void addRoleRules(List<JsonNode> rules, JsonNode roleRef, String namespace) {
    String kind = roleRef.path("kind").asText();
    String type = "ClusterRole".equals(kind) ? CLUSTER_ROLES : ROLES;
    String roleNamespace = "ClusterRole".equals(kind) ? "" : namespace;
    StoredObject role =
        store.get(new ObjectRef(type, roleNamespace, roleRef.path("name").asText()));
    if (role != null) {
      role.tree().path("rules").forEach(rules::add);
    }
  }

  private static boolean binds(JsonNode binding, Identity identity) {
    for (JsonNode subject : binding.path("subjects")) {
      String name = subject.path("name").asText();
      boolean match =
          switch (subject.path("kind").asText()) {
            case "User" -> name.equals(identity.user());
            case "Group" -> identity.groups().contains(name);
            case "ServiceAccount" ->
                identity
                    .user()
                    .equals(
                        "system:serviceaccount:" + subject.path("namespace").asText() + ":" + name);
            default -> false;
          };
      if (match) {
        return true;
      }
    }
    return false;
  }

  private List<JsonNode> all(String type, String namespace) {
    List<JsonNode> result = new ArrayList<>();
    for (StoredObject object :
        store.list(type, namespace, LabelSelector.EVERYTHING, o -> true).items()) {
      result.add(object.tree());
    }
    return result;
  }
}
