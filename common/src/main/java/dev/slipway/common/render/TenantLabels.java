package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.ANNOTATION_GENERATION;
import static dev.slipway.common.render.GatewayDefaults.APP_GATEWAY;
import static dev.slipway.common.render.GatewayDefaults.LABEL_APP;
import static dev.slipway.common.render.GatewayDefaults.LABEL_MANAGED_BY;
import static dev.slipway.common.render.GatewayDefaults.LABEL_TENANT;
import static dev.slipway.common.render.GatewayDefaults.LABEL_TENANT_ID;
import static dev.slipway.common.render.GatewayDefaults.MANAGED_BY_SLIPWAY;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Label and annotation maps of a tenant's objects. Every method returns a fresh mutable map:
 * fabric8 objects are mutable, so sharing one map between objects would let a change to one leak
 * into the others. Insertion order is fixed so serialised output is stable.
 */
public final class TenantLabels {
  private TenantLabels() {}

  /**
   * Labels selecting the tenant's pods. Deliberately only the two seed labels: a Deployment's
   * selector is immutable, so it must not grow when we add labels later.
   */
  public static Map<String, String> selector(String slug) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_APP, APP_GATEWAY);
    labels.put(LABEL_TENANT, slug);
    return labels;
  }

  /** All labels of the tenant's objects and pods: the selector plus ownership labels. */
  public static Map<String, String> forTenant(TenantSpec tenant) {
    Map<String, String> labels = selector(tenant.slug());
    labels.put(LABEL_MANAGED_BY, MANAGED_BY_SLIPWAY);
    labels.put(LABEL_TENANT_ID, tenant.id().toString());
    return labels;
  }

  /** Object-level annotations; never put on the pod template (a change would restart pods). */
  public static Map<String, String> objectAnnotations(TenantSpec tenant) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ANNOTATION_GENERATION, Long.toString(tenant.generation()));
    return annotations;
  }

  /**
   * The generation an observed object was rendered from, or empty when the annotation is missing or
   * garbled (an object edited by hand, or not ours).
   */
  public static OptionalLong generationOf(HasMetadata object) {
    ObjectMeta meta = object == null ? null : object.getMetadata();
    if (meta == null || meta.getAnnotations() == null) {
      return OptionalLong.empty();
    }
    String value = meta.getAnnotations().get(ANNOTATION_GENERATION);
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Metadata shared by all four objects: name, namespace, labels and generation annotation. */
  static ObjectMeta objectMeta(TenantSpec tenant, RenderSettings settings) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(tenant.slug());
    meta.setNamespace(settings.namespaceOf(tenant));
    meta.setLabels(forTenant(tenant));
    meta.setAnnotations(objectAnnotations(tenant));
    return meta;
  }
}
