package dev.slipway.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest}, run against fixture classes that break it, must report
 * them (and only them): a rule that cannot fail would pass whatever the code does.
 */
class RulesCanFailTest {
  private static final String F = "dev.slipway.architecture.fixtures";
  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(F);
  }

  @Test
  void packageCyclesAreFound() {
    EvaluationResult result =
        ArchitectureRules.noPackageCycles(F + ".cycle.(**)").evaluate(fixtures);
    assertTrue(result.hasViolation());
    assertTrue(details(result).contains("Upstream"), details(result));
  }

  @Test
  void ioInAPureModuleIsFound() {
    EvaluationResult result = ArchitectureRules.noIo(F + ".pure..").evaluate(fixtures);
    assertTrue(details(result).contains("java.nio.file.Files"), details(result));
  }

  @Test
  void clusterWritesOutsideTheWriterAreFound() {
    EvaluationResult result =
        ArchitectureRules.onlyWritersChangeTheCluster(new String[] {F + ".kube.worker.."})
            .evaluate(fixtures.that(resideIn(F + ".kube..")));
    assertEquals(List.of("Scales"), violators(result, "Scales", "Applies", "OnlyReads"));
  }

  @Test
  void queueSendsOutsideTheRelayAreFoundUnlessNamed() {
    EvaluationResult result =
        ArchitectureRules.onlySendersSendToTheQueue(
                new String[] {F + ".sqs.outbox.."}, F + ".sqs.elsewhere.ResendsByName")
            .evaluate(fixtures.that(resideIn(F + ".sqs..")));
    assertEquals(
        List.of("SendsDirectly"), violators(result, "SendsDirectly", "ResendsByName", "Relays"));
  }

  @Test
  void crowdedPackagesAreFound() {
    assertTrue(ArchitectureRules.packagesAtMost(F + ".big", 2).evaluate(fixtures).hasViolation());
    // Three files, six classes with the nested ones: only files count.
    assertFalse(ArchitectureRules.packagesAtMost(F + ".big", 3).evaluate(fixtures).hasViolation());
    // Every fixture package holds at most two files once the crowded one is named an exception.
    assertFalse(
        ArchitectureRules.packagesAtMost(F, 2, F + ".big").evaluate(fixtures).hasViolation());
  }

  private static String details(EvaluationResult result) {
    return String.join("\n", result.getFailureReport().getDetails());
  }

  /** Which of {@code names} the violations mention, in the order given. */
  private static List<String> violators(EvaluationResult result, String... names) {
    String details = details(result);
    return List.of(names).stream().filter(n -> details.contains("." + n + ".")).toList();
  }

  private static DescribedPredicate<JavaClass> resideIn(String pkg) {
    return JavaClass.Predicates.resideInAPackage(pkg);
  }
}
