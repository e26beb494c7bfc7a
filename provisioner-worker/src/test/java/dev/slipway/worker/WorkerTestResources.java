package dev.slipway.worker;

import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.local.sqs.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real embedded PostgreSQL, ElasticMQ and Kubernetes emulator every worker test runs on. */
// The worker connects as its own database role, with only the rights the migrations grant it.
@QuarkusTestResource(
    value = PostgresTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = PostgresTestResource.ROLE_ARG, value = "slipway_worker"))
@QuarkusTestResource(
    value = SqsTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = {
      @ResourceArg(name = "queue-url-property", value = "slipway.worker.queue-url"),
      @ResourceArg(name = "dlq-url-property", value = "slipway.worker.dlq-url"),
      // A backstop above slipway.worker.retry.max-attempts (3 in tests), as in production.
      @ResourceArg(name = "max-receive-count", value = "10"),
      // Short, so a message whose visibility is not kept extended would visibly come back.
      @ResourceArg(name = "visibility-timeout-seconds", value = "2")
    })
@QuarkusTestResource(
    value = KubeEmulatorTestResource.class,
    restrictToAnnotatedClass = false,
    // Every tenant namespace of slipway.fleet.namespaces (test profile), plus one the
    // worker does not serve.
    initArgs = {
      @ResourceArg(
          name = KubeEmulatorTestResource.NAMESPACES_ARG,
          value = "tenants,tenants-2,tenants-3,elsewhere"),
      // The application's client runs under the Role deploy/k8s ships for it; tests arrange
      // cluster state with KubeEmulatorTestResource.emulator().client(), the admin's.
      @ResourceArg(name = KubeEmulatorTestResource.IDENTITY_ARG, value = "provisioner-worker")
    })
public final class WorkerTestResources {
  private WorkerTestResources() {}
}
