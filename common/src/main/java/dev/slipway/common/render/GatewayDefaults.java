package dev.slipway.common.render;

import java.util.Map;

/**
 * Names and fixed values shared by everything that writes or reads tenant objects: the renderer
 * here, the worker that applies them and the reconciler that lists them. Keeping them in one place
 * stops the selector a reader uses from drifting away from the labels the writer sets.
 */
public final class GatewayDefaults {
  /** Label naming the workload; the seed's {@code app: gateway}. */
  public static final String LABEL_APP = "app";

  public static final String APP_GATEWAY = "gateway";

  /** Label carrying the tenant slug; part of every selector. */
  public static final String LABEL_TENANT = "tenant";

  /** Well-known label marking objects this control plane owns. */
  public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String MANAGED_BY_SLIPWAY = "slipway";

  /** Label with the tenant's UUID: slugs could in theory be reused, ids cannot. */
  public static final String LABEL_TENANT_ID = "slipway.dev/tenant-id";

  /** Annotation recording the desired-state generation an object was rendered from. */
  public static final String ANNOTATION_GENERATION = "slipway.dev/generation";

  /** Pod-template annotation holding a short hash of the token, so a rotation rolls the pods. */
  public static final String ANNOTATION_TOKEN_HASH = "slipway.dev/token-hash";

  public static final String ANNOTATION_CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";

  /** Selector matching every object Slipway manages, across tenants. */
  public static final Map<String, String> MANAGED_SELECTOR =
      Map.of(LABEL_MANAGED_BY, MANAGED_BY_SLIPWAY);

  /** Field manager name for server-side apply. */
  public static final String FIELD_MANAGER = "slipway";

  public static final String CONTAINER_NAME = "gateway";
  public static final int GATEWAY_PORT = 18789;
  public static final String PORT_NAME = "http";
  public static final String TOKEN_ENV = "OPENCLAW_GATEWAY_TOKEN";

  /** Key of the token inside the tenant Secret. */
  public static final String SECRET_TOKEN_KEY = "token";

  /** Suffix of the cert-manager TLS Secret name; {@code Slugs.MAX_LENGTH} leaves room for it. */
  public static final String TLS_SECRET_SUFFIX = "-tls";

  /** Hex characters of the token's SHA-256 kept in the pod template: enough to detect change. */
  public static final int TOKEN_HASH_LENGTH = 16;

  /** Env var carrying the gateway's capacity and rate limits (seed 004's shared config). */
  public static final String GATEWAY_CONFIG_ENV = "GATEWAY_CONFIG_JSON";

  // Probes as in the seed manifest; resources come from the tenant's plan (model.Sizing).
  public static final String PROBE_PATH = "/";
  public static final int READINESS_INITIAL_DELAY_SECONDS = 5;
  public static final int READINESS_PERIOD_SECONDS = 10;
  public static final int LIVENESS_INITIAL_DELAY_SECONDS = 15;
  public static final int LIVENESS_PERIOD_SECONDS = 30;

  // The restricted Pod Security profile (see PodSecurity): a fixed non-root user and group.
  public static final long GATEWAY_UID = 10001;
  public static final long GATEWAY_GID = 10001;

  /** The only writable path of the read-only root filesystem: an emptyDir. */
  public static final String TMP_VOLUME = "tmp";

  public static final String TMP_MOUNT_PATH = "/tmp";
  public static final String TMP_SIZE_LIMIT = "64Mi";

  /** The tenant Secret mounted read-only: the token is file {@code <path>/token}. */
  public static final String TOKEN_VOLUME = "gateway-token";

  public static final String TOKEN_MOUNT_PATH = "/var/run/secrets/slipway/gateway";

  /** 0440: readable by the owner and the pod's fsGroup only. */
  public static final int TOKEN_FILE_MODE = 0440;

  private GatewayDefaults() {}
}
