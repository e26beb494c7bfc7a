package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the API server itself owns in every written object: uid, creationTimestamp, generation,
 * resourceVersion, namespace and name, plus the status-subresource rule for Deployments and the
 * Secret stringData fold. Pure functions on trees, so every write path (create, replace, patch,
 * apply, scale, status) gets the same rules.
 */
public final class ObjectRules {

  private ObjectRules() {}

  /** Prepares a new object for storage (resourceVersion is set by the store). */
  public static ObjectNode forCreate(ObjectRef ref, ObjectNode object, Instant now) {
    ObjectNode metadata = Json.child(object, "metadata");
    metadata.put("name", ref.name());
    if (ref.namespace().isEmpty()) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", ref.namespace());
    }
    metadata.put("uid", newUid());
    metadata.put("creationTimestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
    metadata.remove("generation");
    metadata.remove("deletionTimestamp");
    metadata.remove("selfLink");
    if (object.has("spec")) {
      metadata.put("generation", 1);
    }
    if (hasStatusSubresource(ref)) {
      object.remove("status"); // a create never sets status when status is a subresource
    }
    if (ObjectRef.SECRETS.equals(ref.type())) {
      SecretData.fold(object);
    }
    return object;
  }

  /**
   * The object to store when {@code desired} replaces {@code stored}: server-owned metadata comes
   * from {@code stored}, status too unless this is a status write, and only status when it is. The
   * result carries the stored resourceVersion so that "nothing changed" is an equality test.
   */
  public static ObjectNode forUpdate(
      ObjectRef ref, ObjectNode stored, ObjectNode desired, boolean status) {
    ObjectNode result;
    if (status) {
      result = stored.deepCopy();
      result.set("status", desired.path("status").deepCopy());
      JsonNode owners = desired.path("metadata").get("managedFields");
      if (owners != null) {
        Json.child(result, "metadata").set("managedFields", owners.deepCopy());
      }
    } else {
      result = desired;
      if (hasStatusSubresource(ref)) {
        copyField(stored, result, "status");
      }
      if (ObjectRef.SECRETS.equals(ref.type())) {
        SecretData.fold(result);
      }
    }
    ObjectNode metadata = Json.child(result, "metadata");
    JsonNode storedMetadata = stored.path("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "creationTimestamp", "resourceVersion"}) {
      copyField((ObjectNode) storedMetadata, metadata, field);
    }
    if (!metadata.has("managedFields")) {
      // Ownership survives writes that do not send it (a PUT of a decoded object, a status write).
      copyField((ObjectNode) storedMetadata, metadata, "managedFields");
    }
    copyField((ObjectNode) storedMetadata, metadata, "deletionTimestamp");
    long generation = storedMetadata.path("generation").asLong(0);
    if (generation > 0) {
      long next = specChanged(stored, result) ? generation + 1 : generation;
      // An int node where it fits: parsed JSON holds ints, and IntNode(1) != LongNode(1).
      if (next <= Integer.MAX_VALUE) {
        metadata.put("generation", (int) next);
      } else {
        metadata.put("generation", next);
      }
    } else {
      metadata.remove("generation");
    }
    return result;
  }

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: uids need to be unique, not
   * unguessable, and {@link UUID#randomUUID()} draws on a shared, locked SecureRandom.
   */
  public static String newUid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  /** True when the client's resourceVersion precondition (if any) does not match. */
  public static boolean staleVersion(ObjectNode desired, long storedVersion) {
    String wanted = desired.path("metadata").path("resourceVersion").asText("");
    return !wanted.isEmpty() && !wanted.equals(Long.toString(storedVersion));
  }

  public static boolean finalizersDone(ObjectNode object) {
    JsonNode metadata = object.path("metadata");
    return metadata.hasNonNull("deletionTimestamp") && metadata.path("finalizers").isEmpty();
  }

  /** Deployments keep status apart from spec, as on a real server (status is a subresource). */
  public static boolean hasStatusSubresource(ObjectRef ref) {
    return ObjectRef.DEPLOYMENTS.equals(ref.type());
  }

  /** Anything outside metadata and status changed: what bumps metadata.generation. */
  private static boolean specChanged(ObjectNode before, ObjectNode after) {
    for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!isMetaOrStatus(field.getKey())
          && !Objects.equals(field.getValue(), before.get(field.getKey()))) {
        return true;
      }
    }
    for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!isMetaOrStatus(name) && !after.has(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMetaOrStatus(String field) {
    return field.equals("metadata") || field.equals("status");
  }

  private static void copyField(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null) {
      to.remove(field);
    } else {
      to.set(field, value.deepCopy());
    }
  }
}
