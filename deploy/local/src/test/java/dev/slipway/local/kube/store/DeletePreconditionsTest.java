package dev.slipway.local.kube.store;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.TestObjects;
import dev.slipway.local.kube.auth.Identities;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DeleteOptions.preconditions as kube-apiserver answers them: a uid or resourceVersion that does
 * not match is 409 Conflict with a Status body, and the object stays; matching ones delete it.
 */
class DeletePreconditionsTest {

  private static KubeEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = KubeEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void aPreconditionThatDoesNotHoldIs409AndKeepsTheObject() throws Exception {
    String name = uniqueName("precondition");
    Secret stored = emulator.client().resource(TestObjects.secret(name, "v")).create();
    String uid = stored.getMetadata().getUid();
    String version = stored.getMetadata().getResourceVersion();

    for (String preconditions :
        new String[] {
          "{\"uid\":\"not-" + uid + "\"}",
          "{\"resourceVersion\":\"" + (Long.parseLong(version) + 100) + "\"}",
          "{\"uid\":\"" + uid + "\",\"resourceVersion\":\"0\"}"
        }) {
      HttpResponse<String> refused = delete(name, preconditions);
      assertEquals(409, refused.statusCode(), preconditions);
      assertTrue(refused.body().startsWith("{\"kind\":\"Status\""), refused.body());
      assertTrue(refused.body().contains("\"reason\":\"Conflict\""), refused.body());
      assertTrue(refused.body().contains("\"code\":409"), refused.body());
      assertNotNull(emulator.client().secrets().inNamespace(NAMESPACE).withName(name).get());
    }

    HttpResponse<String> deleted =
        delete(name, "{\"uid\":\"" + uid + "\",\"resourceVersion\":\"" + version + "\"}");
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertNull(emulator.client().secrets().inNamespace(NAMESPACE).withName(name).get());
  }

  private static HttpResponse<String> delete(String name, String preconditions) throws Exception {
    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"preconditions\":"
            + preconditions
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(emulator.url() + "/api/v1/namespaces/" + NAMESPACE + "/secrets/" + name))
            .header("Authorization", "Bearer " + emulator.token(Identities.ADMIN))
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
