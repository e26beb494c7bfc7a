package dev.slipway.reconciler;

import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.local.sqs.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real embedded PostgreSQL, ElasticMQ and Kubernetes emulator every reconciler test runs on.
 * Nothing publishes to the queue but {@code LostMessageQuarkusTest}, which leaves it empty.
 */
// The reconciler connects as its own database role, with only the rights the migrations grant it.
@QuarkusTestResource(
    value = PostgresTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = PostgresTestResource.ROLE_ARG, value = "slipway_reconciler"))
@QuarkusTestResource(
    value = SqsTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = "queue-url-property", value = "slipway.reconciler.queue.url"))
@QuarkusTestResource(
    value = KubeEmulatorTestResource.class,
    restrictToAnnotatedClass = false,
    // Every namespace of slipway.fleet.namespaces (test profile), plus one it does not list.
    initArgs = {
      @ResourceArg(
          name = KubeEmulatorTestResource.NAMESPACES_ARG,
          value = "tenants,tenants-2,tenants-3,elsewhere"),
      // The application's client runs under the Role deploy/k8s ships for it; tests arrange
      // cluster state with KubeEmulatorTestResource.emulator().client(), the admin's.
      @ResourceArg(name = KubeEmulatorTestResource.IDENTITY_ARG, value = "reconciler-job")
    })
public final class ReconcilerTestResources {
  private ReconcilerTestResources() {}
}
