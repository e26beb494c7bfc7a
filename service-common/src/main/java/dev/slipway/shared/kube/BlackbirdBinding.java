package dev.slipway.shared.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The Kubernetes client's Jackson reads and writes fabric8's model through generated accessors
 * (Jackson's Blackbird module, managed by the Quarkus BOM) instead of reflection. Writing the four
 * objects of an apply and reading the Deployment informer's watch events was the largest part of
 * the worker's CPU per tenant, most of it in reflective getter and setter calls
 * (docs/benchmarks.md, P3 as shipped); the reconciler's LIST pages are read the same way. The API
 * has no Kubernetes client and excludes this type (its application.properties).
 */
@Singleton
public class BlackbirdBinding implements KubernetesClientObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(new BlackbirdModule());
  }
}
