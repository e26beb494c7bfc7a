package dev.slipway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules over the main code of every module (test classes, this module's fixtures among them,
 * are not imported).
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/slipway/architecture/"))
            .importPackages("dev.slipway");
  }

  @Test
  void everyModuleIsImported() {
    // Without this a rule over an empty import would pass without checking anything.
    for (String pkg :
        new String[] {
          "dev.slipway.common",
          "dev.slipway.shared",
          "dev.slipway.api",
          "dev.slipway.worker",
          "dev.slipway.reconciler",
          "dev.slipway.local"
        }) {
      if (main.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
        throw new AssertionError("no class of " + pkg + " imported");
      }
    }
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("dev.slipway.(**)").check(main);
  }

  @Test
  void commonDoesNoIo() {
    ArchitectureRules.noIo("dev.slipway.common..").check(main);
  }

  @Test
  void onlyTheWorkerChangesTheCluster() {
    ArchitectureRules.onlyWritersChangeTheCluster(
            // The emulator and the local launcher are the cluster, not clients of it.
            new String[] {"dev.slipway.worker..", "dev.slipway.local.."},
            // The reconciler deletes orphans itself, only with prune=true and with the worker's
            // ownership check (docs/architecture.md, "Reconciler"): no tenant owns them, so no
            // command could name them.
            "dev.slipway.reconciler.repair.OrphanPruner")
        .check(main);
  }

  @Test
  void onlyTheOutboxRelaySendsToTheCommandQueue() {
    ArchitectureRules.onlySendersSendToTheQueue(
            new String[] {"dev.slipway.api.outbox.."},
            // The dead-letter replay re-sends a dead letter's own message (same body, group and
            // deduplication id) and records it in the replay ledger in its own statement; an outbox
            // row would publish a second copy under a new id (api-service/README.md, Ops).
            "dev.slipway.api.deadletters.Resend",
            // The worker moves a command out of attempts (or unreadable) to the dead-letter queue
            // itself, as a copy there and a delete (provisioner-worker/README.md, Retries); it
            // never
            // sends to the command queue.
            "dev.slipway.worker.messaging.DeadLetterMove")
        .check(main);
  }

  @Test
  void noPackageOverThirtyFiles() {
    ArchitectureRules.packagesAtMost("dev.slipway", 30).check(main);
  }
}
