package dev.slipway.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Quarkus gives each test application its own class loader; the server must still be one. */
class SharedElasticMqTest {

  @Test
  void anIsolatedClassLoaderAttachesToTheSameServer() throws Exception {
    String endpoint = SharedElasticMq.attach().endpoint();
    try (URLClassLoader isolated = isolatedLoader()) {
      Class<?> copy = isolated.loadClass(SharedElasticMq.class.getName());
      assertNotSame(SharedElasticMq.class, copy, "precondition: a second copy of the class");

      Object handle = copy.getMethod("attach").invoke(null);

      assertEquals(endpoint, handle.getClass().getMethod("endpoint").invoke(handle));
      Field own = copy.getDeclaredField("server");
      own.setAccessible(true);
      assertNull(own.get(null), "the copy must not have started a server of its own");
    }
  }

  @Test
  void closingAHandleLeavesTheServerRunning() {
    ElasticMqServer first = SharedElasticMq.attach();
    CommandQueues created = first.createCommandQueues("shared-check", 3, Duration.ofSeconds(5));
    first.close();
    ElasticMqServer second = SharedElasticMq.attach();
    assertEquals(created, second.createCommandQueues("shared-check", 3, Duration.ofSeconds(5)));
    second.close();
  }

  // Like a Quarkus application class loader: the same class path, classes of its own.
  private static URLClassLoader isolatedLoader() {
    URL[] urls =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(SharedElasticMqTest::toUrl)
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
