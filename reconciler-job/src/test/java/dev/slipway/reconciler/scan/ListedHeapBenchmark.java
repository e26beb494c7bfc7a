package dev.slipway.reconciler.scan;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.reconciler.Fleet;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Heap a pass holds for its listing, per tenant, without a cluster: each tenant's objects as a LIST
 * returns them (rendered, given what the API server adds: uid, resourceVersion, creation time; a
 * ready pod as the emulated controller makes it), parsed as the client parses a page, then kept as
 * {@link ClusterScanner} keeps them, once without sharing repeated values (each object on its own)
 * and once with one {@link Canonical} for the listing. Heap figures do not depend on the CPU the
 * machine has to spare, so this holds on a loaded machine where a 100,000-tenant fill of the
 * emulator does not finish (docs/benchmarks.md, P4 at 100,000 tenants). Not a test (the name does
 * not end in Test): {@code -Dtest=ListedHeapBenchmark [-Dbench.tenants=10000]}.
 */
class ListedHeapBenchmark {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void run() {
    int tenants = Integer.getInteger("bench.tenants", 10_000);
    List<String> pages = listedJson(tenants);
    System.out.println("| kept as | tenants | held (MiB) | per tenant (KiB) |");
    System.out.println("|---|---:|---:|---:|");
    row("whole objects (before issue 8)", tenants, pages, item -> item);
    row("compared fields, each object on its own", tenants, pages, ComparedFields::keep);
    Canonical shared = new Canonical();
    row(
        "compared fields, repeated values shared",
        tenants,
        pages,
        item -> ComparedFields.keep(item, shared));
  }

  private static void row(
      String name, int tenants, List<String> json, Function<HasMetadata, HasMetadata> keep) {
    long before = usedAfterGc();
    List<HasMetadata> held = new ArrayList<>();
    for (String object : json) {
      held.add(keep.apply(JSON.unmarshal(object, HasMetadata.class)));
    }
    long bytes = usedAfterGc() - before;
    System.out.printf(
        "| %s | %,d | %.1f | %.2f |%n",
        name, tenants, bytes / (1024.0 * 1024.0), bytes / 1024.0 / tenants);
    if (held.size() != json.size()) {
      throw new IllegalStateException("keeps the listing alive until measured");
    }
  }

  /** Every tenant's Deployment, Service, Ingress and pod as JSON, as a LIST page carries them. */
  private static List<String> listedJson(int tenants) {
    List<String> out = new ArrayList<>();
    RenderSettings settings = RenderSettings.defaults();
    for (int i = 0; i < tenants; i++) {
      TenantSpec spec = Fleet.spec("bench-%06d".formatted(i), DesiredState.RUNNING, false);
      for (HasMetadata object : TenantRenderer.render(spec, settings).inApplyOrder()) {
        if (object.getKind().equals("Secret")) {
          continue; // not listed: the reconciler may not read Secrets
        }
        served(object.getMetadata(), i);
        out.add(JSON.asJson(object));
        if (object instanceof Deployment deployment) {
          out.add(JSON.asJson(pod(deployment, i)));
        }
      }
    }
    return out;
  }

  private static void served(ObjectMeta meta, int i) {
    meta.setUid(UUID.randomUUID().toString());
    meta.setResourceVersion(Integer.toString(1000 + i));
    meta.setCreationTimestamp("2026-12-06T12:00:00Z");
    meta.setGeneration(1L);
  }

  private static Pod pod(Deployment deployment, int i) {
    Pod pod = new Pod();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(deployment.getMetadata().getName() + "-5d8f7c9b4-x" + i);
    meta.setNamespace(deployment.getMetadata().getNamespace());
    Map<String, String> labels =
        new HashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
    labels.put("pod-template-hash", "5d8f7c9b4");
    meta.setLabels(labels);
    meta.setAnnotations(deployment.getSpec().getTemplate().getMetadata().getAnnotations());
    served(meta, i);
    pod.setMetadata(meta);
    pod.setSpec(deployment.getSpec().getTemplate().getSpec());
    PodStatus status = new PodStatus();
    status.setPhase("Running");
    for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
      status
          .getConditions()
          .add(new PodConditionBuilder().withType(type).withStatus("True").build());
    }
    status
        .getContainerStatuses()
        .add(
            new ContainerStatusBuilder()
                .withName("gateway")
                .withReady(true)
                .withRestartCount(0)
                .withImage(
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-12-06T12:00:01Z")
                .endRunning()
                .endState()
                .build());
    pod.setStatus(status);
    return pod;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
