package dev.slipway.cli.http;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * For an {@code http://} API (the local stack): an HttpClient that never sets up TLS. Left to
 * itself the client initializes the JVM's default SSLContext when built (trust store, providers:
 * some 600 classes), a third of the tool's start-up time (docs/benchmarks.md, "CLI startup").
 * Redirects are not followed, so such a client has no way to reach an https URL; if it did, it
 * fails loudly instead of talking TLS with nothing set up.
 */
final class PlainHttp {
  private PlainHttp() {}

  static HttpClient.Builder withoutTls(HttpClient.Builder builder) {
    return builder.sslContext(new NoTls()).sslParameters(new SSLParameters());
  }

  private static final class NoTls extends SSLContext {
    NoTls() {
      super(new Spi(), null, "none");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("TLS is not set up for an http:// API URL");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
