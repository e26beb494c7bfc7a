package dev.slipway.local.kube.auth;

import java.util.List;

/**
 * An authenticated user as kube-apiserver's authenticators produce it: a user name, its groups and
 * the bearer token that proves it. Service accounts are {@code system:serviceaccount:NS:NAME} in
 * the groups {@code system:serviceaccounts} and {@code system:serviceaccounts:NS}; everyone is in
 * {@code system:authenticated}.
 */
public record Identity(String name, String user, List<String> groups, String token) {

  public static final String AUTHENTICATED = "system:authenticated";
  public static final String MASTERS = "system:masters";

  public Identity {
    groups = List.copyOf(groups);
  }

  static Identity admin(String token) {
    return new Identity(
        Identities.ADMIN, "kubernetes-admin", List.of(MASTERS, AUTHENTICATED), token);
  }

  static Identity serviceAccount(String namespace, String name, String token) {
    return new Identity(
        name,
        "system:serviceaccount:" + namespace + ":" + name,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, AUTHENTICATED),
        token);
  }

  /** Whether this identity bypasses authorization, as members of system:masters do. */
  public boolean superUser() {
    return groups.contains(MASTERS);
  }
}
