package dev.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeMap;

/**
 * The architecture rules, each parametrised by the packages it is about, so that the same rule runs
 * against the real code ({@link ArchitectureTest}) and against fixture classes that break it
 * ({@link RulesCanFailTest}).
 */
final class ArchitectureRules {
  /** What "I/O" means for a pure module: network, databases, files, clusters, clouds. */
  static final String[] IO_PACKAGES = {
    "java.net..",
    "java.sql..",
    "javax.sql..",
    "java.nio.file..",
    "java.nio.channels..",
    "java.net.http..",
    "io.fabric8.kubernetes.client..",
    "software.amazon..",
    "io.vertx..",
    "io.netty..",
    "jakarta.persistence..",
    "org.postgresql..",
    "org.flywaydb.."
  };

  /** The fabric8 client calls that change the cluster. */
  static final Set<String> KUBE_MUTATIONS =
      Set.of(
          "create",
          "createOr",
          "createOrReplace",
          "serverSideApply",
          "apply",
          "patch",
          "patchStatus",
          "edit",
          "editStatus",
          "replace",
          "replaceStatus",
          "update",
          "updateStatus",
          "delete",
          "scale",
          "rolling",
          "restart",
          "evict");

  /** The SQS calls that put a message on a queue. */
  static final Set<String> SQS_SENDS = Set.of("sendMessage", "sendMessageBatch");

  private ArchitectureRules() {}

  /** (a) No cycles between the packages matched by {@code slicePattern}, one slice a package. */
  static ArchRule noPackageCycles(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles();
  }

  /** (b) Classes in {@code pure} (e.g. "dev.slipway.common..") use no I/O API. */
  static ArchRule noIo(String pure) {
    return noClasses()
        .that()
        .resideInAPackage(pure)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO_PACKAGES)
        .because("common is pure: what touches the network, a database or files lives elsewhere");
  }

  /**
   * (c) Only classes in {@code writers}, and the classes named in {@code exceptions}, call a
   * fabric8 client method that changes the cluster.
   */
  static ArchRule onlyWritersChangeTheCluster(String[] writers, String... exceptions) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(writers)
        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(classes(exceptions))))
        .should()
        .callMethodWhere(
            call(
                "a fabric8 client method that changes the cluster",
                "io.fabric8.kubernetes.client",
                KUBE_MUTATIONS))
        .because("the worker is the only writer to the Kubernetes API (docs/architecture.md)");
  }

  /**
   * (d) Only classes in {@code senders}, and the classes named in {@code exceptions}, send to an
   * SQS queue.
   */
  static ArchRule onlySendersSendToTheQueue(String[] senders, String... exceptions) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(senders)
        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(classes(exceptions))))
        .should()
        .callMethodWhere(call("an SQS send", "software.amazon.awssdk.services.sqs", SQS_SENDS))
        .because("commands reach the queue only through the outbox relay (docs/architecture.md)");
  }

  /**
   * (e) No package under {@code packagePrefix}, except the ones named in {@code exceptions}, holds
   * more than {@code max} top-level classes.
   */
  static ArchRule packagesAtMost(String packagePrefix, int max, String... exceptions) {
    return all(packagesUnder(packagePrefix, Set.of(exceptions))).should(holdAtMost(max));
  }

  private static DescribedPredicate<JavaMethodCall> call(
      String description, String ownerPackagePrefix, Set<String> names) {
    return DescribedPredicate.describe(
        description,
        call ->
            names.contains(call.getName())
                && call.getTargetOwner().getPackageName().startsWith(ownerPackagePrefix));
  }

  private static Class<?>[] classes(String... names) {
    Class<?>[] classes = new Class<?>[names.length];
    for (int i = 0; i < names.length; i++) {
      try {
        classes[i] = Class.forName(names[i], false, ArchitectureRules.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // A renamed exception must be renamed here too, not silently dropped.
        throw new IllegalArgumentException("exception names no class: " + names[i], e);
      }
    }
    return classes;
  }

  private static AbstractClassesTransformer<JavaPackage> packagesUnder(
      String prefix, Set<String> exceptions) {
    return new AbstractClassesTransformer<>("packages under " + prefix) {
      @Override
      public Iterable<JavaPackage> doTransform(JavaClasses classes) {
        var packages = new TreeMap<String, JavaPackage>();
        for (JavaClass c : classes) {
          if (c.getPackageName().startsWith(prefix) && !exceptions.contains(c.getPackageName())) {
            packages.putIfAbsent(c.getPackageName(), c.getPackage());
          }
        }
        return packages.values();
      }
    };
  }

  /** Top-level classes: one per source file (nested, local and anonymous classes are not files). */
  private static ArchCondition<JavaPackage> holdAtMost(int max) {
    return new ArchCondition<>("hold at most " + max + " source files") {
      @Override
      public void check(JavaPackage pkg, ConditionEvents events) {
        long files = pkg.getClasses().stream().filter(JavaClass::isTopLevelClass).count();
        if (files > max) {
          String message =
              "package %s holds %d source files (at most %d)".formatted(pkg.getName(), files, max);
          events.add(SimpleConditionEvent.violated(pkg, message));
        }
      }
    };
  }
}
