package dev.slipway.api.rollouts.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a change does to a tenant's desired Kubernetes objects: both sides rendered with the common
 * renderers and compared field by field, each difference one line ({@code Deployment/acme
 * spec.template.spec.containers[0].image: a -> b}). The gateway token is not an input: a rollout
 * never changes it, so the Secret is rendered from a placeholder on both sides.
 */
public final class ObjectDiff {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_TOKEN = "unchanged-by-rollouts";

  private ObjectDiff() {}

  /** One changed field of one object. */
  public record Change(String object, String path, String before, String after) {}

  /** A tenant as the diff needs it besides its {@link Snapshot}. */
  public record Tenant(UUID id, String slug, DesiredState desired, String namespace) {}

  public static List<Change> of(
      Tenant tenant, Snapshot before, Snapshot after, RenderSettings settings) {
    Map<String, String> a = flat(render(tenant, before, settings));
    Map<String, String> b = flat(render(tenant, after, settings));
    List<Change> changes = new ArrayList<>();
    TreeMap<String, Boolean> keys = new TreeMap<>();
    a.keySet().forEach(k -> keys.put(k, true));
    b.keySet().forEach(k -> keys.put(k, true));
    for (String key : keys.keySet()) {
      if (!Objects.equals(a.get(key), b.get(key))) {
        int split = key.indexOf(' ');
        changes.add(
            new Change(key.substring(0, split), key.substring(split + 1), a.get(key), b.get(key)));
      }
    }
    return changes;
  }

  private static List<HasMetadata> render(Tenant t, Snapshot s, RenderSettings settings) {
    TenantSpec spec =
        new TenantSpec(
            t.id(),
            t.slug(),
            1,
            t.desired(),
            s.sizing(),
            s.effectiveImageVersion(),
            s.gatewayConfig(),
            NO_TOKEN,
            t.namespace());
    return TenantRenderer.render(spec, settings).inApplyOrder();
  }

  private static Map<String, String> flat(List<HasMetadata> objects) {
    Map<String, String> out = new TreeMap<>();
    for (HasMetadata o : objects) {
      flatten(o.getKind() + "/" + o.getMetadata().getName() + " ", "", JSON.valueToTree(o), out);
    }
    return out;
  }

  private static void flatten(String object, String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        flatten(object, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(object, path + "[" + i + "]", node.get(i), out);
      }
    } else if (!node.isNull()) {
      out.put(object + path, node.asText());
    }
  }
}
