package dev.slipway.e2e.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the state the history implies with the database (through the API) and the cluster (the
 * emulator's live objects). For every acknowledged tenant: one row with its desired state, plan and
 * generation, observed and ready; exactly one operation per acknowledged change, none still open;
 * its four objects with its id, the Deployment at its generation and replicas, or none once
 * deleted. Nothing at all for refused creates, and no row or object no request explains.
 */
final class Checker {
  private final DatabaseView database;
  private final KubernetesClient kube;

  Checker(ApiClient api, KubernetesClient kube) {
    this.database = new DatabaseView(api);
    this.kube = kube;
  }

  Findings.Report check(History history) throws IOException {
    Findings findings = new Findings();
    Map<String, List<DatabaseView.Row>> rows = database.tenantsBySlug();
    ClusterView cluster = ClusterView.read(kube);
    Set<String> explained = new HashSet<>();
    List<TenantModel> tenants = history.tenants().stream().filter(TenantModel::exists).toList();
    for (TenantModel tenant : tenants) {
      explained.add(tenant.slug());
      checkRow(tenant, rows.getOrDefault(tenant.slug(), List.of()), findings);
      checkOperations(tenant, findings);
      checkObjects(tenant, cluster.of(tenant.slug()), findings);
    }
    for (String slug : history.refusedSlugs()) {
      if (rows.containsKey(slug) || !cluster.of(slug).isEmpty()) {
        findings.unexpected(
            slug + ": refused create left " + rows.get(slug) + " " + cluster.of(slug).keySet());
      }
      explained.add(slug);
    }
    rows.keySet().stream()
        .filter(slug -> !explained.contains(slug))
        .forEach(slug -> findings.unexpected("tenant row no request explains: " + slug));
    cluster.names().stream()
        .filter(name -> !explained.contains(name))
        .forEach(name -> findings.unexpected("objects no request explains: " + name));
    history.surprises().forEach(s -> findings.unexpected("answer: " + s));
    return findings.report(tenants.size());
  }

  private static void checkRow(TenantModel t, List<DatabaseView.Row> rows, Findings findings) {
    if (rows.size() > 1) {
      findings.duplicate(t.slug() + ": " + rows.size() + " tenant rows");
    }
    DatabaseView.Row row =
        rows.stream().filter(r -> r.id().equals(t.id())).findFirst().orElse(null);
    if (row == null) {
      findings.lost(t.slug() + ": no tenant row with id " + t.id());
      return;
    }
    if (row.generation() > t.generation()) {
      findings.duplicate(t + ": database at generation " + row.generation());
    } else if (row.generation() < t.generation()
        || !row.desired().equals(t.desired())
        || !row.plan().equals(t.plan())) {
      findings.lost(t + ": database has " + row);
    } else if (!converged(t, row)) {
      findings.lost(t + ": observed state " + row);
    }
  }

  private static String secretToken(HasMetadata secret) {
    if (!(secret instanceof io.fabric8.kubernetes.api.model.Secret s) || s.getData() == null) {
      return null;
    }
    String data = s.getData().get(ClusterView.TOKEN_KEY);
    return data == null
        ? null
        : new String(
            java.util.Base64.getDecoder().decode(data), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String restored(TenantModel t) {
    return t.restores() == 0 ? "" : " after " + t.restores() + " restore(s)";
  }

  private static boolean converged(TenantModel t, DatabaseView.Row row) {
    // A soft-deleted (OFFLINE) tenant is observed as STOPPED: no pod, and no phase of its own.
    String phase = t.desired().equals("OFFLINE") ? "STOPPED" : t.desired();
    return row.observedGeneration() == t.generation()
        && row.phase().equals(phase)
        && row.readyReplicas() == t.replicas();
  }

  private void checkOperations(TenantModel t, Findings findings) throws IOException {
    int requested = 0;
    for (JsonNode op : database.operations(t.slug())) {
      if (!op.path("tenantId").asText().equals(t.id().toString())) {
        continue;
      }
      String status = op.path("status").asText();
      if (status.equals("QUEUED") || status.equals("RUNNING")) {
        findings.stuck(
            t.slug()
                + ": "
                + op.path("type").asText()
                + " "
                + op.path("id").asText()
                + " "
                + status);
      }
      if (!op.path("type").asText().equals("RECONCILE")) {
        requested++;
      }
    }
    if (requested > t.changes()) {
      findings.duplicate(
          t + ": " + requested + " operations for " + t.changes() + " acknowledged changes");
    } else if (requested < t.changes()) {
      findings.lost(
          t + ": " + requested + " operations for " + t.changes() + " acknowledged changes");
    }
  }

  private static void checkObjects(
      TenantModel t, Map<String, HasMetadata> live, Findings findings) {
    if (t.desired().equals("DELETED")) {
      if (!live.isEmpty()) {
        findings.unexpected(t + ": objects left after the delete: " + live.keySet());
      }
      return;
    }
    // OFFLINE (soft-deleted): no Ingress, the rest kept at zero replicas.
    boolean offline = t.desired().equals("OFFLINE");
    if (offline && live.containsKey("Ingress")) {
      findings.unexpected(t + ": an Ingress while offline");
    }
    for (String kind : ClusterView.TENANT_KINDS) {
      HasMetadata o = live.get(kind);
      if (offline && kind.equals("Ingress")) {
        continue;
      }
      if (o == null) {
        findings.lost(t + ": no " + kind);
      } else if (!Objects.equals(ClusterView.label(o, ClusterView.TENANT_ID), t.id().toString())) {
        findings.unexpected(t + ": " + kind + " of another tenant id");
      }
    }
    // A restore (or anything else) must never replace the token the create gave the tenant.
    HasMetadata secret = live.get("Secret");
    String token = secretToken(secret);
    if (secret != null && t.gatewayToken() != null && !t.gatewayToken().equals(token)) {
      findings.lost(t + ": the Secret holds another gateway token" + restored(t));
    }
    // The Deployment's generation is what its readiness is recorded against; on the other three
    // a generation from a late write of unchanged content makes no difference.
    HasMetadata deployment = live.get("Deployment");
    if (deployment != null && ClusterView.replicas(deployment) != t.replicas()) {
      findings.lost(t + ": Deployment replicas " + ClusterView.replicas(deployment));
    } else if (deployment != null
        && !Long.toString(t.generation())
            .equals(ClusterView.annotation(deployment, ClusterView.GENERATION))) {
      findings.lost(
          t
              + ": Deployment at generation "
              + ClusterView.annotation(deployment, ClusterView.GENERATION));
    }
    live.keySet().stream()
        .filter(kind -> !ClusterView.TENANT_KINDS.contains(kind))
        .forEach(kind -> findings.unexpected(t + ": a " + kind));
  }
}
