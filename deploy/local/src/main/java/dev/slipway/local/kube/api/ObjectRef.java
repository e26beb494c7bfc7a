package dev.slipway.local.kube.api;

/**
 * Names one stored object, or a collection when {@code name} is null. {@code type} is the
 * resource's storage key ({@code pods}, {@code deployments.apps}); the version is not part of it,
 * so one object is reachable through every version of its group. Cluster-scoped objects have the
 * namespace {@code ""}.
 */
public record ObjectRef(String type, String namespace, String name) {

  public static final String PODS = "pods";
  public static final String DEPLOYMENTS = "deployments.apps";
  public static final String NAMESPACES = "namespaces";
  public static final String SECRETS = "secrets";
  public static final String AUTOSCALERS = "horizontalpodautoscalers.autoscaling";

  public static String type(String group, String resource) {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  public static ObjectRef deployment(String namespace, String name) {
    return new ObjectRef(DEPLOYMENTS, namespace, name);
  }

  public static ObjectRef autoscaler(String namespace, String name) {
    return new ObjectRef(AUTOSCALERS, namespace, name);
  }

  public static ObjectRef pod(String namespace, String name) {
    return new ObjectRef(PODS, namespace, name);
  }

  public static ObjectRef pods(String namespace) {
    return new ObjectRef(PODS, namespace, null);
  }

  public ObjectRef withName(String newName) {
    return new ObjectRef(type, namespace, newName);
  }

  /** The plural resource name without its group, for messages. */
  public String resource() {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  /** The index key: namespace and name, so that a namespace is one contiguous key range. */
  public String key() {
    return namespace + "/" + name;
  }
}
