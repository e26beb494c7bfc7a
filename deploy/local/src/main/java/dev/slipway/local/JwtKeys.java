package dev.slipway.local;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * A fresh RSA key pair per local stack: the API verifies with the public key, developers get an
 * admin token signed with the private key. Nothing here is used outside the local stack.
 */
final class JwtKeys {
  static final String ISSUER = "https://slipway.dev";
  static final String AUDIENCE = "slipway-api";
  private final KeyPair keys;

  private JwtKeys(KeyPair keys) {
    this.keys = keys;
  }

  static JwtKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new JwtKeys(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the public key as PEM, the format mp.jwt.verify.publickey.location reads. */
  Path writePublicKey(Path file) {
    return writePem(file, "PUBLIC KEY", keys.getPublic().getEncoded());
  }

  /**
   * Writes the signing key (PKCS#8 PEM) so scripts can mint tokens with openssl. Local stack only:
   * readable by the owner alone.
   */
  Path writePrivateKey(Path file) {
    writePem(file, "PRIVATE KEY", keys.getPrivate().getEncoded());
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: best effort
    }
    return file;
  }

  private static Path writePem(Path file, String type, byte[] der) {
    String pem =
        "-----BEGIN "
            + type
            + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
            + "\n-----END "
            + type
            + "-----\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pem);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String token(String subject, Set<String> groups, Duration lifetime) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .groups(groups)
        .expiresIn(lifetime)
        .sign(keys.getPrivate());
  }
}
