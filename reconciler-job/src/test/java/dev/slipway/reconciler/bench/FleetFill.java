package dev.slipway.reconciler.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.store.ManagedFields;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.reconciler.Fleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills both sides of a benchmark fleet fast enough for 100,000 tenants: rows in batches of {@value
 * #BATCH}, objects written into the emulator's store in the process (the write rules, watch events
 * and managed-field records of a create over HTTP, without its HTTP and JSON round trip), so the
 * emulated controller still makes each tenant's pod and its status. Every tenant in sync.
 */
final class FleetFill {
  private static final int BATCH = 500;
  private static final int THREADS = 2;
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final Fleet fleet;
  private final ObjectStore store;

  FleetFill(Fleet fleet, KubeEmulator emulator) {
    this.fleet = fleet;
    this.store = emulator.store();
  }

  /** Tenants {@code bench-<from>} to {@code bench-<to - 1>}. */
  void fill(int from, int to) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int start = from; start < to; start += BATCH) {
        int first = start;
        int end = Math.min(to, start + BATCH);
        work.add(threads.submit(() -> batch(first, end)));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Void batch(int from, int to) {
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      specs.add(Fleet.spec("bench-%06d".formatted(i), DesiredState.RUNNING, false));
    }
    fleet.insertAll(specs, Phase.RUNNING);
    for (TenantSpec spec : specs) {
      fleet.desired(spec).inApplyOrder().forEach(this::create);
    }
    return null;
  }

  private void create(HasMetadata object) {
    ObjectNode tree = JSON.convertValue(object, ObjectNode.class);
    String group = HasMetadata.getGroup(object.getClass());
    String type = ObjectRef.type(group, HasMetadata.getPlural(object.getClass()));
    ManagedFields.recordUpdate(Json.object(), tree, ManagedFields.updater("slipway"), "");
    store.create(
        new ObjectRef(type, object.getMetadata().getNamespace(), object.getMetadata().getName()),
        tree);
  }
}
