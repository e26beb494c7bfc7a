package dev.slipway.local;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
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
        .subject(subject)
        .groups(groups)
        .expiresIn(lifetime)
        .sign(keys.getPrivate());
  }
}
