package dev.slipway.worker.apply;

import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What this worker last left in the cluster for the tenants it converged lately, taken from the
 * answers to its own applies: the generation applied, and each object's resourceVersion ({@link
 * Seen}). It stands in for the reads the applier no longer makes: an apply answered with the object
 * as remembered changed nothing (UNCHANGED), and an object the remembered generation did not have
 * (an autoscaler, an Ingress) need not be removed again. Held in memory, per process, at most
 * {@code slipway.worker.kubernetes.remembered-tenants} tenants (least recently converged dropped
 * first): a tenant it does not know is treated as it was before this existed, at the cost of one
 * request more, never less safely (see {@link TenantApplier}).
 */
@ApplicationScoped
class LastApplied {

  /** One tenant's objects after an apply of {@code generation}, by kind and name. */
  record State(long generation, Map<String, Seen> objects) {
    boolean had(HasMetadata object) {
      return objects.containsKey(key(object));
    }

    Seen seen(HasMetadata object) {
      return objects.get(key(object));
    }
  }

  /**
   * One object as an apply answered it: its resourceVersion, its metadata.generation (kinds with a
   * spec have one; it moves only when the spec does) and a hash of its labels and annotations.
   */
  record Seen(String resourceVersion, Long generation, int metadataHash) {
    static Seen of(HasMetadata live) {
      var metadata = live.getMetadata();
      return new Seen(
          metadata.getResourceVersion(),
          metadata.getGeneration(),
          Objects.hash(metadata.getLabels(), metadata.getAnnotations()));
    }

    /**
     * Whether {@code live}, the answer to a later apply, shows that apply changed nothing: the same
     * resourceVersion (the API server keeps it on a no-op), or, unless {@code strict}, the same
     * generation, labels and annotations: a controller wrote only the status in between (a
     * Deployment's pods becoming ready), which moves the resourceVersion but is not the apply's.
     * The second misses a label or annotation changed by someone else since and put back by this
     * apply, hence {@code strict} for a reconciler's repair, which is sent for such drift.
     */
    boolean unchangedBy(HasMetadata live, boolean strict) {
      Seen now = of(live);
      if (Objects.equals(resourceVersion, now.resourceVersion)) {
        return true;
      }
      return !strict
          && generation != null
          && generation.equals(now.generation)
          && metadataHash == now.metadataHash;
    }
  }

  private final Map<UUID, State> states;

  LastApplied(WorkerConfig config) {
    int capacity = config.kubernetes().rememberedTenants();
    this.states =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<UUID, State> eldest) {
                return size() > capacity;
              }
            });
  }

  /** The tenant's state as this worker left it, or null when it does not know. */
  State of(UUID tenant) {
    return states.get(tenant);
  }

  /** After a complete apply of {@code generation}: exactly {@code applied} exist. */
  void record(UUID tenant, long generation, List<Applied> applied) {
    Map<String, Seen> objects = new HashMap<>();
    for (Applied a : applied) {
      if (a.live() != null) {
        objects.put(key(a.live()), Seen.of(a.live()));
      }
    }
    states.put(tenant, new State(generation, Map.copyOf(objects)));
  }

  /** After a delete, or a failed apply: nothing known. */
  void forget(UUID tenant) {
    states.remove(tenant);
  }

  private static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
