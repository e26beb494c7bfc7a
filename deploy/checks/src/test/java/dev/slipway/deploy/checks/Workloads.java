package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services' workloads in a rendering, with the modules whose {@code @ConfigMapping}s each
 * reads: its own and service-common's (FleetConfig).
 */
enum Workloads {
  API("api-service", "api-service"),
  WORKER("provisioner-worker", "provisioner-worker"),
  RECONCILER("reconciler", "reconciler-job");

  static final String SHARED_MODULE = "service-common";
  final String workload;
  final String module;

  Workloads(String workload, String module) {
    this.workload = workload;
    this.module = module;
  }

  /** The pod of this service in the rendering, or null when the overlay does not run it. */
  PodSpec pod(List<HasMetadata> objects) {
    for (HasMetadata o : objects) {
      if (!workload.equals(o.getMetadata().getName())) {
        continue;
      }
      if (o instanceof Deployment d) {
        return d.getSpec().getTemplate().getSpec();
      }
      if (o instanceof CronJob c) {
        return c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
      }
    }
    return null;
  }

  /** Each service the rendering runs, with its container's environment ({@link Env}). */
  static Map<Workloads, Map<String, String>> envs(List<HasMetadata> objects) {
    Map<Workloads, Map<String, String>> envs = new LinkedHashMap<>();
    for (Workloads w : values()) {
      PodSpec pod = w.pod(objects);
      if (pod != null) {
        envs.put(w, Env.of(objects, pod));
      }
    }
    return envs;
  }
}
