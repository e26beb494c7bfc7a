package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service of every rendering that reads the gateway-token keys (service-common's
 * TokenKeysConfig, {@code slipway.tokens.*}) gets a KMS key: with the prod profile a service
 * without one refuses to start (TokenCipherProducer builds its cipher at start). All of them read
 * the same key from the one {@code slipway-tokens} ConfigMap, which each overlay sets once.
 */
class TokenKeysTest {
  private static final String TOKENS_CONFIG_MAP = "slipway-tokens";
  private static final String PREFIX = "SLIPWAY_TOKENS_";
  private static final String KEY_ID = "SLIPWAY_TOKENS_KMS_KEY_ID";

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void everyServiceThatReadsTokensGetsTheOneKmsKey(String overlay) {
    Map<Workloads, Map<String, String>> envs = Workloads.envs(Rendered.overlay(overlay));
    Set<String> keyIds = new HashSet<>();
    List<String> problems = new ArrayList<>();
    envs.forEach(
        (service, env) -> {
          if (readsTokens(service)) {
            problems(env).forEach(p -> problems.add(service.workload + ": " + p));
            keyIds.add(env.get(KEY_ID));
          }
        });
    assertEquals(List.of(), problems, overlay);
    assertEquals(1, keyIds.size(), overlay + ": api, worker and reconciler use one key " + keyIds);
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void theTokenSettingsComeFromTheirOneConfigMapOnly(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Workloads service : Workloads.values()) {
      PodSpec pod = service.pod(objects);
      if (pod == null || !readsTokens(service)) {
        continue;
      }
      OneConfigMap.assertSoleSource(
          overlay, objects, service, pod, TOKENS_CONFIG_MAP, PREFIX, "a token key");
    }
  }

  /** One environment's key is not another's: a dev pod must never open production's tokens. */
  @Test
  void everyEnvironmentNamesItsOwnKey() {
    Map<String, String> owners = new HashMap<>();
    for (String overlay : Overlays.names()) {
      String keyId = Workloads.envs(Rendered.overlay(overlay)).get(Workloads.WORKER).get(KEY_ID);
      String other = owners.put(keyId, overlay);
      assertTrue(other == null, overlay + " and " + other + " share the token key " + keyId);
    }
  }

  /** The scan sees the token keys, and the rule rejects what would not start in production. */
  @Test
  void theCheckCatchesAServiceThatWouldNotStart() {
    for (Workloads service : Workloads.values()) {
      assertTrue(readsTokens(service), service.workload + " reads slipway.tokens.*");
    }
    Map<String, String> kms = Map.of(PREFIX + "KEY_PROVIDER", "kms", KEY_ID, "alias/k");
    assertEquals(List.of(), problems(kms));
    assertFalse(problems(Map.of(PREFIX + "KEY_PROVIDER", "kms")).isEmpty(), "no key id");
    assertFalse(problems(Map.of(KEY_ID, " ")).isEmpty(), "blank key id");
    assertEquals(List.of(), problems(Map.of(KEY_ID, "alias/k")), "kms is the default");
    assertFalse(
        problems(Map.of(PREFIX + "LOCAL_KEY_FILE", "/k", KEY_ID, "alias/k")).isEmpty(),
        "a key file alone selects the local provider");
    assertFalse(problems(Map.of(PREFIX + "KEY_PROVIDER", "local")).isEmpty(), "local");
  }

  private static boolean readsTokens(Workloads service) {
    return EnvironmentKeysTest.keysOf(service).contains("slipway.tokens.kms-key-id");
  }

  /**
   * Why a service with this environment would not seal with KMS. The provider rule is
   * TokenKeysConfig#provider: the explicit provider, else local when a key file is set, else kms.
   */
  static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String explicit = env.get(PREFIX + "KEY_PROVIDER");
    String provider =
        explicit != null ? explicit : env.containsKey(PREFIX + "LOCAL_KEY_FILE") ? "local" : "kms";
    if (!provider.equals("kms")) {
      problems.add("key provider " + provider + ", not kms (a key file is for the local stack)");
    }
    String keyId = env.get(KEY_ID);
    if (keyId == null || keyId.isBlank()) {
      problems.add(KEY_ID + " unset: the service refuses to start");
    }
    return problems;
  }
}
