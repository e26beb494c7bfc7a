package dev.slipway.reconciler.scan;

import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.shared.kube.ThrottledRetry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lists every Slipway-managed object of the tenant namespaces with paginated LIST calls
 * (limit/continue), one namespace and kind after the other: the number of API calls is namespaces
 * times kinds times pages, never growing with tenants (no per-tenant GET). Namespaced LISTs, not
 * one across all namespaces, because the reconciler's RBAC is a Role per tenant namespace.
 *
 * <p>Secrets are not listed: the reconciler's Role grants no Secret read (a LIST, even of metadata
 * only, would return every tenant's token to a process that needs none). The token is checked
 * through the Deployment's pod-template token-hash annotation instead (deploy/local/README.md,
 * docs/architecture.md).
 *
 * <p>A page the API server answers with 429 (API Priority and Fairness) is asked for again after
 * its Retry-After ({@link ThrottledRetry}), with the same continue token.
 */
@ApplicationScoped
public class ClusterScanner {
  static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          Deployment.class, Pod.class, Service.class, Ingress.class, HorizontalPodAutoscaler.class);

  private final KubernetesClient client;
  private final ThrottledRetry throttled;

  ClusterScanner(KubernetesClient client, ReconcilerConfig config) {
    this.client = client;
    this.throttled = new ThrottledRetry(config.throttleMaxWait());
  }

  /**
   * Lists every namespace and kind with up to {@code parallelism} LIST streams at once: one stream
   * waits on the API server (and on deserializing its pages) while another is parsed, so a pass
   * over six kinds no longer takes six round trips of pages in a row. Pages of one kind stay in
   * order (continue tokens); the objects are filed afterwards, on the calling thread.
   */
  public ClusterSnapshot scan(List<String> namespaces, int pageSize, int parallelism) {
    List<Listing> listings = new ArrayList<>();
    for (String namespace : namespaces) {
      for (Class<? extends HasMetadata> kind : KINDS) {
        listings.add(new Listing(namespace, kind));
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallelism, listings.size())), ClusterScanner::thread);
    try {
      List<Future<Listed>> results = new ArrayList<>();
      Canonical shared = new Canonical();
      for (Listing listing : listings) {
        results.add(pool.submit(() -> listAll(listing, pageSize, shared)));
      }
      return file(namespaces, results);
    } finally {
      pool.shutdownNow();
    }
  }

  private record Listing(String namespace, Class<? extends HasMetadata> kind) {}

  private record Listed(String namespace, List<HasMetadata> items, int calls) {}

  private Listed listAll(Listing listing, int pageSize, Canonical shared) {
    List<HasMetadata> items = new ArrayList<>();
    int calls = 0;
    String continueToken = null;
    do {
      String from = continueToken;
      KubernetesResourceList<? extends HasMetadata> page =
          ReadRetry.call(
              () ->
                  throttled.call(() -> page(listing.kind(), listing.namespace(), pageSize, from)));
      calls++;
      // Cut down as each page arrives, so whole objects never outlive their page.
      page.getItems().forEach(item -> items.add(ComparedFields.keep(item, shared)));
      continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (continueToken != null && !continueToken.isEmpty());
    return new Listed(listing.namespace(), items, calls);
  }

  private static ClusterSnapshot file(List<String> namespaces, List<Future<Listed>> results) {
    Map<String, Map<String, TenantObjects>> byNamespace = new LinkedHashMap<>();
    namespaces.forEach(n -> byNamespace.put(n, new HashMap<>()));
    List<HasMetadata> unlabelled = new ArrayList<>();
    int objects = 0;
    int calls = 0;
    for (Future<Listed> result : results) {
      Listed listed = await(result);
      calls += listed.calls();
      objects += listed.items().size();
      Map<String, TenantObjects> byTenant = byNamespace.get(listed.namespace());
      listed.items().forEach(item -> file(item, byTenant, unlabelled));
    }
    return new ClusterSnapshot(byNamespace, unlabelled, objects, calls);
  }

  private static Listed await(Future<Listed> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the cluster", e);
    } catch (ExecutionException e) {
      // The LIST's own exception (a KubernetesClientException), as if listed on this thread.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "reconcile-list");
    thread.setDaemon(true);
    return thread;
  }

  private KubernetesResourceList<? extends HasMetadata> page(
      Class<? extends HasMetadata> kind, String namespace, int pageSize, String continueToken) {
    return client
        .resources(kind)
        .inNamespace(namespace)
        .withLabels(GatewayDefaults.MANAGED_SELECTOR)
        .list(
            new ListOptionsBuilder()
                .withLimit((long) pageSize)
                .withContinue(continueToken)
                .build());
  }

  private static void file(
      HasMetadata item, Map<String, TenantObjects> byTenant, List<HasMetadata> unlabelled) {
    Map<String, String> labels = item.getMetadata().getLabels();
    String tenantId = labels == null ? null : labels.get(GatewayDefaults.LABEL_TENANT_ID);
    if (tenantId == null) {
      if (!(item instanceof Pod)) {
        unlabelled.add(item);
      }
      return;
    }
    byTenant.computeIfAbsent(tenantId, id -> new TenantObjects()).add(item);
  }
}
