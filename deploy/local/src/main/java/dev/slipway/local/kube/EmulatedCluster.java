package dev.slipway.local.kube;

import dev.slipway.local.kube.controllers.DeploymentController;
import dev.slipway.local.kube.controllers.PodStartup;
import dev.slipway.local.kube.http.Discovery;
import dev.slipway.local.kube.http.EmulatorDispatcher;
import dev.slipway.local.kube.store.LocalApi;
import dev.slipway.local.kube.store.ManifestSeed;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.local.kube.watch.WatchHub;
import java.time.Clock;
import java.util.List;

/**
 * The cluster a {@link KubeEmulator} serves: the object store with the kinds discovery lists, the
 * watches on it, and the emulated Deployment controller acting on it.
 */
final class EmulatedCluster {
  private final ObjectStore store = new ObjectStore(Clock.systemUTC());
  private final Discovery discovery = new Discovery();
  private final WatchHub watches = new WatchHub(store, discovery.kinds());
  private final DeploymentController controller;

  EmulatedCluster(KubeEmulatorOptions options) {
    this.controller =
        new DeploymentController(
            new LocalApi(store),
            options.namespaces(),
            new PodStartup(options.podReadyDelay(), options.slowStartDelay()));
    store.addListener(controller::changed);
  }

  ObjectStore store() {
    return store;
  }

  WatchHub watches() {
    return watches;
  }

  DeploymentController controller() {
    return controller;
  }

  /** Answers the API requests (other than watches) from the store. */
  EmulatorDispatcher dispatcher() {
    return new EmulatorDispatcher(store, discovery);
  }

  /** Fills the store with what a freshly installed cluster holds (see {@link ManifestSeed}). */
  void seed(List<String> namespaces) {
    new ManifestSeed(store, discovery.kinds()).seed(namespaces);
  }
}
