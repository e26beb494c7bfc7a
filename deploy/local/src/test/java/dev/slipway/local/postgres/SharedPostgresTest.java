package dev.slipway.local.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Quarkus gives each test application its own class loader; the server must still be one. */
class SharedPostgresTest {

  @Test
  void anIsolatedClassLoaderAttachesToTheSameServer() throws Exception {
    int port = SharedPostgres.attach().port();
    try (URLClassLoader isolated = isolatedLoader()) {
      Class<?> copy = isolated.loadClass(SharedPostgres.class.getName());
      assertNotSame(SharedPostgres.class, copy, "precondition: a second copy of the class");

      Object handle = copy.getMethod("attach").invoke(null);

      assertEquals(port, handle.getClass().getMethod("port").invoke(handle));
      Field own = copy.getDeclaredField("server");
      own.setAccessible(true);
      assertNull(own.get(null), "the copy must not have started a server of its own");
    }
  }

  @Test
  void handlesCanCreateDatabasesAndClosingOneLeavesTheServerRunning() {
    EmbeddedPostgresServer first = SharedPostgres.attach();
    first.close();
    EmbeddedPostgresServer second = SharedPostgres.attach();
    assertEquals(first.port(), second.port());
    assertEquals("shared_check", second.createDatabase("shared_check"));
  }

  // Like a Quarkus application class loader: the same class path, classes of its own.
  private static URLClassLoader isolatedLoader() {
    URL[] urls =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(SharedPostgresTest::toUrl)
            .toArray(URL[]::new);
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  private static URL toUrl(String path) {
    try {
      return new File(path).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path, e);
    }
  }
}
