import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Writes the JRE trust store of the local base image (build-local-base) from the PEM certificates
 * of Debian's ca-certificates, as the ca-certificates-java maintainer script would have done: the
 * base image is assembled with dpkg -x, which runs no maintainer scripts. JKS, because a JKS store
 * is readable without a password, as the JRE reads its default trust store.
 *
 * <p>Usage: java MakeTrustStore.java CERT_DIR OUT_FILE
 */
public class MakeTrustStore {
  public static void main(String[] args) throws Exception {
    Path certDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(null, null);
    List<Path> pems;
    try (var files = Files.walk(certDir)) {
      pems = files.filter(p -> p.toString().endsWith(".crt")).sorted().toList();
    }
    for (Path pem : pems) {
      try (InputStream in = Files.newInputStream(pem)) {
        X509Certificate cert = (X509Certificate) factory.generateCertificate(in);
        String alias = pem.getFileName().toString().replaceFirst("\\.crt$", "").toLowerCase();
        store.setCertificateEntry("debian:" + alias, cert);
      }
    }
    if (pems.isEmpty()) {
      throw new IllegalStateException("no .crt files under " + certDir);
    }
    Files.createDirectories(out.getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      store.store(os, "changeit".toCharArray());
    }
    System.out.println("trust store: " + pems.size() + " certificates -> " + out);
  }
}
