package dev.slipway.local.jvm;

import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * Servers shared by every test application of a JVM.
 *
 * <p>Quarkus loads test resources in a new class loader per test application (each profile or
 * resource set), so a plain static field would start one server per application, each holding
 * threads of a class loader Quarkus closes afterwards. A shared server is therefore owned by its
 * holder class as loaded by the system class loader, which lives as long as the JVM; other loaders
 * reach it by reflection and exchange only strings.
 */
public final class JvmWide {
  private JvmWide() {}

  /**
   * Starts a server owned by {@code owner}'s loader: threads started now inherit the context class
   * loader, so a test application's loader is kept out of them. Stopped when the JVM exits.
   */
  public static <T extends AutoCloseable> T start(Class<?> owner, Supplier<T> starter) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(owner.getClassLoader());
    T server;
    try {
      server = starter.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(server), owner.getSimpleName() + "-stop"));
    return server;
  }

  /** Calls the static no-argument {@code method} of the system class loader's copy of owner. */
  public static String call(Class<?> owner, String method) {
    Class<?> widest;
    try {
      widest = Class.forName(owner.getName(), true, ClassLoader.getSystemClassLoader());
    } catch (ClassNotFoundException e) {
      widest = owner; // not on the system class path: our loader is the widest
    }
    try {
      return (String) widest.getMethod(method).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot reach " + widest + " in " + widest.getClassLoader(), e);
    }
  }

  private static void closeQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("error stopping " + server + ": " + e);
    }
  }
}
