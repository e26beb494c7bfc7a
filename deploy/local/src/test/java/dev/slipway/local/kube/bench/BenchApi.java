package dev.slipway.local.kube.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * The measured calls on object {@code i} of {@link BenchObjects}. Writes return the new
 * resourceVersion, which the next replace of the object sends as its precondition.
 */
interface BenchApi extends AutoCloseable {

  String create(int i);

  /** PUT of revision {@code revision}, conditional on {@code resourceVersion}. */
  String replace(int i, int revision, String resourceVersion);

  /** JSON merge patch of one annotation. */
  String patch(int i, int revision);

  /** Server-side apply of revision {@code revision} (field manager slipway, forced). */
  String apply(int i, int revision);

  void delete(int i);

  void get(int i);

  /**
   * Lists one label group, or everything when {@code group} is null; returns the item count, or for
   * {@link RawApi}, which does not parse, the body length.
   */
  int list(String group);

  /**
   * Lists everything in pages of {@code limit} (limit/continue), as the reconciler does; returns
   * the item count, or for {@link RawApi} the total body length.
   */
  int listPaged(int limit);

  /** Releases what the client holds; the fabric8 client belongs to its target. */
  @Override
  default void close() {}

  static BenchApi fabric8(KubernetesClient client) {
    return new BenchApi() {
      public String create(int i) {
        return version(client.resource(BenchObjects.deployment(i, 1)).create());
      }

      public String replace(int i, int revision, String resourceVersion) {
        Deployment deployment = BenchObjects.deployment(i, revision);
        deployment.getMetadata().setResourceVersion(resourceVersion);
        return version(client.resource(deployment).update());
      }

      // On a resource by name (withName(..).patch(..)) fabric8 7.6.1 first GETs the object; on an
      // item it sends the PATCH alone.
      public String patch(int i, int revision) {
        return version(
            client
                .resource(BenchObjects.reference(i))
                .patch(
                    PatchContext.of(PatchType.JSON_MERGE), BenchObjects.annotationPatch(revision)));
      }

      public String apply(int i, int revision) {
        return version(
            client
                .resource(BenchObjects.deployment(i, revision))
                .fieldManager("slipway")
                .forceConflicts()
                .serverSideApply());
      }

      public void delete(int i) {
        if (deployments().withName(BenchObjects.name(i)).delete().isEmpty()) {
          throw new IllegalStateException("nothing deleted: " + BenchObjects.name(i));
        }
      }

      public void get(int i) {
        if (deployments().withName(BenchObjects.name(i)).get() == null) {
          throw new IllegalStateException("missing: " + BenchObjects.name(i));
        }
      }

      public int list(String group) {
        return (group == null
                ? deployments().list()
                : deployments().withLabel("group", group).list())
            .getItems()
            .size();
      }

      public int listPaged(int limit) {
        int items = 0;
        String next = null;
        do {
          var page =
              deployments()
                  .list(
                      new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                          .withLimit((long) limit)
                          .withContinue(next)
                          .build());
          items += page.getItems().size();
          next = page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        return items;
      }

      private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
              Deployment,
              io.fabric8.kubernetes.api.model.apps.DeploymentList,
              io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment>>
          deployments() {
        return client.apps().deployments().inNamespace(BenchObjects.NAMESPACE);
      }

      private String version(Deployment deployment) {
        return deployment.getMetadata().getResourceVersion();
      }
    };
  }
}
