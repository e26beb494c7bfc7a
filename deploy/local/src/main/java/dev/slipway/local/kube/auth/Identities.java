package dev.slipway.local.kube.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's users, each with a random bearer token drawn at start: {@code admin} (in {@code
 * system:masters}, what the admin kubeconfig and test arrangement use) and one service account per
 * Slipway service, named as in deploy/k8s/rendered/dev.yaml (namespace {@code slipway}). A static
 * token file, as kube-apiserver's {@code --token-auth-file}, rather than service account JWTs.
 */
public final class Identities {

  public static final String ADMIN = "admin";
  public static final String API_SERVICE = "api-service";
  public static final String WORKER = "provisioner-worker";
  public static final String RECONCILER = "reconciler-job";
  public static final String SERVICE_NAMESPACE = "slipway";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Identity> byName = new LinkedHashMap<>();
  private final Map<String, Identity> byToken = new LinkedHashMap<>();

  public Identities() {
    add(Identity.admin(newToken()));
    for (String service : List.of(API_SERVICE, WORKER, RECONCILER)) {
      add(Identity.serviceAccount(SERVICE_NAMESPACE, service, newToken()));
    }
  }

  private void add(Identity identity) {
    byName.put(identity.name(), identity);
    byToken.put(identity.token(), identity);
  }

  /** The identity of a name ({@link #ADMIN}, {@link #WORKER}, ...). */
  public Identity named(String name) {
    Identity identity = byName.get(name);
    if (identity == null) {
      throw new IllegalArgumentException(
          "unknown identity " + name + "; known: " + byName.keySet());
    }
    return identity;
  }

  /** The identity an {@code Authorization} header proves, or null (no or an unknown token). */
  public Identity authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return byToken.get(authorization.substring(7).trim());
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
