package dev.slipway.local.kube;

/**
 * Names one stored object, or a collection when {@code name} is null. {@code type} is the
 * resource's storage key ({@code pods}, {@code deployments.apps}); the version is not part of it,
 * so one object is reachable through every version of its group. Cluster-scoped objects have the
 * namespace {@code ""}.
 */
record ObjectRef(String type, String namespace, String name) {

  static final String PODS = "pods";
  static final String DEPLOYMENTS = "deployments.apps";
  static final String NAMESPACES = "namespaces";
  static final String SECRETS = "secrets";
  static final String AUTOSCALERS = "horizontalpodautoscalers.autoscaling";

  static String type(String group, String resource) {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  static ObjectRef deployment(String namespace, String name) {
    return new ObjectRef(DEPLOYMENTS, namespace, name);
  }

  static ObjectRef autoscaler(String namespace, String name) {
    return new ObjectRef(AUTOSCALERS, namespace, name);
  }

  static ObjectRef pod(String namespace, String name) {
    return new ObjectRef(PODS, namespace, name);
  }

  static ObjectRef pods(String namespace) {
    return new ObjectRef(PODS, namespace, null);
  }

  ObjectRef withName(String newName) {
    return new ObjectRef(type, namespace, newName);
  }

  /** The plural resource name without its group, for messages. */
  String resource() {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  /** The index key: namespace and name, so that a namespace is one contiguous key range. */
  String key() {
    return namespace + "/" + name;
  }
}
