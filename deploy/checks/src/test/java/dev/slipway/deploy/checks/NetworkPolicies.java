package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluator of the NetworkPolicy API's semantics over rendered policies: a pod is isolated for a
 * direction when any policy of its namespace that selects it lists that policy type (an absent
 * {@code policyTypes} means Ingress, plus Egress when egress rules exist); traffic flows only when
 * an egress rule of the source (or the source is not isolated for egress) and an ingress rule of
 * the destination (likewise) allow it. Addresses outside the cluster have no policies. An ipBlock
 * is also matched against pod addresses: whether it applies to pods is left to the network plugin,
 * so a denial proven here holds on either kind.
 */
final class NetworkPolicies {
  /** A pod (namespace and labels) or, with a null namespace, an address outside the cluster. */
  record Endpoint(String namespace, Map<String, String> labels, String ip) {
    static Endpoint pod(String namespace, Map<String, String> labels, String ip) {
      return new Endpoint(namespace, labels, ip);
    }

    static Endpoint external(String ip) {
      return new Endpoint(null, Map.of(), ip);
    }

    boolean isPod() {
      return namespace != null;
    }
  }

  private final List<NetworkPolicy> policies;
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

  /** The policies and Namespaces among {@code objects}, plus namespaces that exist elsewhere. */
  NetworkPolicies(List<HasMetadata> objects, List<String> otherNamespaces) {
    this.policies = Rendered.ofType(objects, NetworkPolicy.class);
    otherNamespaces.forEach(n -> namespaceLabels.put(n, withName(n, Map.of())));
    for (Namespace ns : Rendered.ofType(objects, Namespace.class)) {
      String name = ns.getMetadata().getName();
      namespaceLabels.put(name, withName(name, ns.getMetadata().getLabels()));
    }
  }

  /** The API server labels every namespace with its name. */
  private static Map<String, String> withName(String name, Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(labels == null ? Map.of() : labels);
    all.put("kubernetes.io/metadata.name", name);
    return all;
  }

  boolean allowed(Endpoint from, Endpoint to, String protocol, int port) {
    return direction(from, to, protocol, port, true) && direction(to, from, protocol, port, false);
  }

  /** For egress: may {@code subject} send to {@code peer}; for ingress: may it receive from it. */
  private boolean direction(
      Endpoint subject, Endpoint peer, String protocol, int port, boolean egress) {
    if (!subject.isPod()) {
      return true;
    }
    String type = egress ? "Egress" : "Ingress";
    List<NetworkPolicySpec> selecting =
        policies.stream()
            .filter(p -> subject.namespace().equals(p.getMetadata().getNamespace()))
            .map(NetworkPolicy::getSpec)
            .filter(s -> Selectors.matches(s.getPodSelector(), subject.labels()))
            .filter(s -> types(s).contains(type))
            .toList();
    if (selecting.isEmpty()) {
      return true;
    }
    // A rule's destination port is the receiving side's: the peer's on egress, ours on ingress.
    for (NetworkPolicySpec spec : selecting) {
      String namespace = subject.namespace();
      if (egress) {
        for (var rule : list(spec.getEgress())) {
          if (peers(rule.getTo(), namespace, peer) && ports(rule.getPorts(), protocol, port)) {
            return true;
          }
        }
      } else {
        for (var rule : list(spec.getIngress())) {
          if (peers(rule.getFrom(), namespace, peer) && ports(rule.getPorts(), protocol, port)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> types(NetworkPolicySpec spec) {
    if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
      return spec.getPolicyTypes();
    }
    return list(spec.getEgress()).isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
  }

  /** An empty or absent peer list matches everything; otherwise any one peer must match. */
  private boolean peers(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint other) {
    return list(peers).isEmpty() || peers.stream().anyMatch(p -> peer(p, policyNamespace, other));
  }

  private boolean peer(NetworkPolicyPeer peer, String policyNamespace, Endpoint other) {
    if (peer.getIpBlock() != null) {
      var block = peer.getIpBlock();
      return Cidrs.contains(block.getCidr(), other.ip())
          && list(block.getExcept()).stream().noneMatch(e -> Cidrs.contains(e, other.ip()));
    }
    if (!other.isPod()) {
      return false;
    }
    LabelSelector namespaces = peer.getNamespaceSelector();
    boolean namespaceMatches =
        namespaces == null
            ? other.namespace().equals(policyNamespace)
            : Selectors.matches(namespaces, namespaceLabels.get(other.namespace()));
    LabelSelector pods = peer.getPodSelector();
    return namespaceMatches && (pods == null || Selectors.matches(pods, other.labels()));
  }

  private static boolean ports(List<NetworkPolicyPort> ports, String protocol, int port) {
    if (list(ports).isEmpty()) {
      return true;
    }
    for (NetworkPolicyPort p : ports) {
      String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
      if (!ruleProtocol.equals(protocol)) {
        continue;
      }
      IntOrString number = p.getPort();
      if (number == null) {
        return true;
      }
      if (number.getIntVal() == null) {
        throw new AssertionError("named ports are not evaluated: " + number.getStrVal());
      }
      int first = number.getIntVal();
      int last = p.getEndPort() == null ? first : p.getEndPort();
      if (port >= first && port <= last) {
        return true;
      }
    }
    return false;
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }
}
