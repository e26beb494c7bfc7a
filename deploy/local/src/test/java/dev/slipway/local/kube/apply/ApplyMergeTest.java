package dev.slipway.local.kube.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.store.SecretData;
import org.junit.jupiter.api.Test;

/** The merge rules of the emulated server-side apply, on plain JSON. */
class ApplyMergeTest {

  private static ObjectNode json(String text) {
    return (ObjectNode) Json.parse(text);
  }

  @Test
  void mergesLabelsAndSpecKeyByKeyKeepsStatusAndServerMetadata() {
    ObjectNode stored =
        json(
            """
            {"kind":"Deployment","metadata":{"name":"a","uid":"u1","resourceVersion":"5",
             "labels":{"x":"1","other":"kept"}},
             "spec":{"replicas":1,"paused":true},"status":{"replicas":1}}""");
    ObjectNode applied =
        json(
            """
            {"kind":"Deployment","metadata":{"name":"a","uid":"forged","labels":{"x":"2"}},
             "spec":{"replicas":3},"status":{"replicas":99}}""");

    ObjectNode merged = ApplyMerge.merge(stored, applied);

    assertEquals(
        json(
            """
            {"kind":"Deployment","metadata":{"name":"a","uid":"u1","resourceVersion":"5",
             "labels":{"x":"2","other":"kept"}},
             "spec":{"replicas":3,"paused":true},"status":{"replicas":1}}"""),
        merged,
        "a field nobody applied (paused) stays: only a manager's own dropped fields are removed");
  }

  @Test
  void reapplyingTheSameObjectIsANoOp() {
    ObjectNode stored =
        json(
            "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\",\"resourceVersion\":\"9\"},\"data\":{\"k\":\"dg==\"}}");
    ObjectNode applied = json("kind: Secret\nmetadata:\n  name: s\ndata:\n  k: dg==\n");
    assertEquals(stored, ApplyMerge.merge(stored, applied));
  }

  @Test
  void mergePatchFollowsRfc7386() {
    ObjectNode target = json("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":1}");
    ObjectNode patch = json("{\"a\":{\"c\":[3]},\"d\":null,\"e\":{\"f\":true}}");
    assertEquals(
        json("{\"a\":{\"b\":1,\"c\":[3]},\"e\":{\"f\":true}}"), MergePatch.apply(target, patch));
    assertEquals(json("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":1}"), target, "target untouched");
  }

  @Test
  void secretStringDataFoldsIntoData() {
    ObjectNode secret =
        json("{\"kind\":\"Secret\",\"data\":{\"a\":\"eA==\"},\"stringData\":{\"b\":\"y\"}}");
    SecretData.fold(secret);
    assertEquals(json("{\"kind\":\"Secret\",\"data\":{\"a\":\"eA==\",\"b\":\"eQ==\"}}"), secret);
  }
}
