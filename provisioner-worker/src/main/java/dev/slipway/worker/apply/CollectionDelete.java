package dev.slipway.worker.apply;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.http.HttpRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code deletecollection}: a DELETE on the collection of a kind in a namespace, limited by a
 * label selector (and a field selector on the name when one object is meant). The API server
 * deletes exactly the objects that match at that moment and answers with them, so an object that
 * does not carry the selected labels (another tenant's, or not Slipway's) is never touched, and no
 * read is needed before the write to make sure of that. The answer says which names were deleted.
 * fabric8's typed DSL hides that list, hence a request of our own ({@link KubeHttp}).
 */
@ApplicationScoped
class CollectionDelete {
  /** Dependents go in the background, as kubectl and fabric8 delete by default. */
  private static final String OPTIONS =
      "{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Background\"}";

  private final KubeHttp http;

  CollectionDelete(KubeHttp http) {
    this.http = http;
  }

  /**
   * Deletes the objects of {@code kindOf}'s kind in its namespace that carry {@code labelSelector}
   * (and, when {@code name} is not null, have that name).
   *
   * @return the names of the objects deleted (none when nothing matched)
   */
  List<String> delete(HasMetadata kindOf, String labelSelector, String name) {
    StringBuilder url = new StringBuilder(http.collectionUrl(kindOf));
    url.append("?labelSelector=").append(encode(labelSelector));
    if (name != null) {
      url.append("&fieldSelector=").append(encode("metadata.name=" + name));
    }
    HttpRequest request = http.request(url.toString()).delete("application/json", OPTIONS).build();
    String body = http.send(request, "DELETE").body();
    return names(body);
  }

  private List<String> names(String body) {
    List<String> names = new ArrayList<>();
    if (body == null || body.isBlank()) {
      return names;
    }
    Map<String, Object> list = http.serialization().unmarshal(body, new TypeReference<>() {});
    if (list.get("items") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> object
            && object.get("metadata") instanceof Map<?, ?> metadata
            && metadata.get("name") instanceof String deleted) {
          names.add(deleted);
        }
      }
    }
    return names;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
