package dev.slipway.local.kube.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The emulator's TLS certificate and key (src/main/resources/kube/tls): self-signed, for 127.0.0.1
 * and localhost, valid for a century. Both are public on purpose; the server listens on loopback
 * only and guards nothing but test data. Kubeconfigs carry the certificate as their certificate
 * authority, so kubectl verifies the server instead of skipping verification.
 */
public final class ServerCertificate {

  private static final String CERT = "/kube/tls/server.crt";
  private static final String KEY = "/kube/tls/server.key";

  private ServerCertificate() {}

  /** The certificate, PEM. */
  public static String pem() {
    return load(CERT);
  }

  static PemKeyCertOptions keyCertOptions() {
    return new PemKeyCertOptions()
        .setCertValue(Buffer.buffer(load(CERT)))
        .setKeyValue(Buffer.buffer(load(KEY)));
  }

  private static String load(String resource) {
    try (InputStream in = ServerCertificate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
