package dev.slipway.local.kube.bench;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/** One server under test, started fresh for each measured size: its fabric8 client and URL. */
interface BenchTarget extends AutoCloseable {

  KubernetesClient client();

  String url();

  /** False for the stock mock, which has no server-side apply. */
  boolean serverSideApply();

  @Override
  void close();

  static BenchTarget emulator() {
    KubeEmulator emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("tenants"));
    return new BenchTarget() {
      public KubernetesClient client() {
        return emulator.client();
      }

      public String url() {
        return emulator.url();
      }

      public boolean serverSideApply() {
        return true;
      }

      public void close() {
        emulator.close();
      }
    };
  }

  /** The stock fabric8 CRUD mock the emulator replaced, for side-by-side figures. */
  static BenchTarget stock() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    KubernetesClient client = server.createClient();
    return new BenchTarget() {
      public KubernetesClient client() {
        return client;
      }

      public String url() {
        return server.url("/").replaceAll("/$", "");
      }

      public boolean serverSideApply() {
        return false;
      }

      public void close() {
        client.close();
        server.destroy();
      }
    };
  }
}
