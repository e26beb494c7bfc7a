package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.LabelSelector;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The emulator's object store: {@link StoredObjects} (indexes by type, a store-wide resourceVersion
 * counter, listeners such as watches and the Deployment controller) behind the write rules. Writes
 * are serialized by one lock, so a read-modify-write is atomic and never needs retries; GETs take
 * no lock, and LISTs a shared one so that they see one resourceVersion.
 */
public final class ObjectStore {

  /** A consistent read: the store's resourceVersion and the objects that matched at that time. */
  public record Snapshot(long resourceVersion, List<StoredObject> items) {}

  /** The stored object after a write, and whether the write created it. */
  public record Written(StoredObject object, boolean created) {}

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final StoredObjects objects = new StoredObjects();
  private final Clock clock;

  public ObjectStore(Clock clock) {
    this.clock = clock;
  }

  public void addListener(StoreListener listener) {
    objects.addListener(listener);
  }

  public long resourceVersion() {
    return objects.resourceVersion();
  }

  public StoredObject get(ObjectRef ref) {
    return objects.get(ref);
  }

  public int size() {
    return objects.size();
  }

  /** Matching objects of a type in a namespace ({@code ""}: all), in key order. */
  public Snapshot list(
      String type, String namespace, LabelSelector labels, Predicate<StoredObject> also) {
    return read(
        () -> new Snapshot(objects.resourceVersion(), matching(type, namespace, labels, also)));
  }

  /** Runs {@code reader} while no write can happen, e.g. to register a watch without a gap. */
  public <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<StoredObject> matching(
      String type, String namespace, LabelSelector labels, Predicate<StoredObject> also) {
    return objects.matching(type, namespace, labels, also);
  }

  public StoredObject create(ObjectRef ref, ObjectNode object) {
    lock.writeLock().lock();
    try {
      if (get(ref) != null) {
        throw new ApiException(
            409, "AlreadyExists", ref.resource() + " \"" + ref.name() + "\" already exists");
      }
      ObjectNode prepared = ObjectRules.forCreate(ref, object, clock.instant());
      return objects.commit(StoreListener.Change.ADDED, null, ref, prepared);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Atomically replaces the object with {@code change.apply(its tree)}. Nothing is written when the
   * result equals what is stored (same resourceVersion, no event). A resourceVersion in the result
   * is a precondition (409 when stale). {@code change} gets a tree of its own and may modify it.
   *
   * @param createIfMissing the object to create when absent; null answers 404 instead
   * @param status true for a write of the status subresource: only status changes
   */
  public Written update(
      ObjectRef ref,
      UnaryOperator<ObjectNode> change,
      Supplier<ObjectNode> createIfMissing,
      boolean status) {
    lock.writeLock().lock();
    try {
      StoredObject stored = get(ref);
      if (stored == null && createIfMissing == null) {
        throw ApiException.notFound(ref);
      }
      if (stored == null) {
        return new Written(create(ref, createIfMissing.get()), true);
      }
      ObjectNode storedTree = stored.tree();
      // A copy is cheaper than a second parse of the stored JSON.
      ObjectNode desired = change.apply(storedTree.deepCopy());
      if (ObjectRules.staleVersion(desired, stored.resourceVersion())) {
        throw ApiException.conflict(
            ref, "the object has been modified; please apply your changes to the latest version");
      }
      ObjectNode next = ObjectRules.forUpdate(ref, storedTree, desired, status);
      if (Json.same(next, storedTree)) {
        return new Written(stored, false);
      }
      if (ObjectRules.finalizersDone(next)) {
        return new Written(objects.remove(stored, storedTree), false);
      }
      return new Written(objects.commit(StoreListener.Change.MODIFIED, stored, ref, next), false);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Deletes the object and returns its last state; one with finalizers is only marked (its
   * deletionTimestamp set) and goes when the last finalizer is removed.
   */
  public StoredObject delete(ObjectRef ref, Predicate<ObjectNode> precondition) {
    lock.writeLock().lock();
    try {
      StoredObject stored = get(ref);
      if (stored == null) {
        throw ApiException.notFound(ref);
      }
      ObjectNode tree = stored.tree();
      if (!precondition.test(tree)) {
        throw ApiException.conflict(ref, "the precondition of the delete does not hold");
      }
      if (tree.path("metadata").path("finalizers").isEmpty()) {
        return objects.remove(stored, tree);
      }
      if (tree.path("metadata").hasNonNull("deletionTimestamp")) {
        return stored;
      }
      Json.child(tree, "metadata").put("deletionTimestamp", clock.instant().toString());
      return objects.commit(StoreListener.Change.MODIFIED, stored, ref, tree);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
