package dev.slipway.reconciler;

import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real embedded PostgreSQL and Kubernetes emulator every reconciler test runs on. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KubeEmulatorTestResource.class, restrictToAnnotatedClass = false)
public final class ReconcilerTestResources {
  private ReconcilerTestResources() {}
}
