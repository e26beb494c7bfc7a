package dev.slipway.local.kube.api;

/**
 * A parsed resource path: {@code /api/v1/...} or {@code /apis/GROUP/VERSION/...}, then an optional
 * legacy {@code watch/} segment, an optional {@code namespaces/NS/}, the resource, a name and a
 * subresource ({@code status}, {@code scale}). {@code /api/v1/namespaces/NAME} is the Namespace
 * object itself.
 */
public record RequestPath(
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource,
    boolean watchPrefix) {

  /** Parses a path without query; null when it is not a resource path. */
  public static RequestPath parse(String path) {
    String[] parts = path.substring(1).split("/");
    int i;
    String group;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      i = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      i = 3;
    } else {
      return null;
    }
    String version = parts[i - 1];
    boolean watch = parts[i].equals("watch");
    if (watch) {
      i++;
    }
    String namespace = "";
    if (parts.length - i >= 3 && parts[i].equals("namespaces") && !isNamespaceSub(parts[i + 2])) {
      namespace = parts[i + 1];
      i += 2;
    }
    int rest = parts.length - i;
    if (rest < 1 || rest > 3) {
      return null;
    }
    return new RequestPath(
        group,
        version,
        namespace,
        parts[i],
        rest >= 2 ? parts[i + 1] : null,
        rest == 3 ? parts[i + 2] : null,
        watch);
  }

  public ObjectRef ref() {
    return new ObjectRef(ObjectRef.type(group, resource), namespace, name);
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean isCollection() {
    return name == null;
  }

  private static boolean isNamespaceSub(String segment) {
    return segment.equals("status") || segment.equals("finalize");
  }
}
