package dev.slipway.deploy.checks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image tarball in the docker-archive form: as Jib hands it to {@code docker load}
 * (deploy/images/docker-to-tar writes it) or as deploy/images/build-local-base writes the base,
 * manifest.json naming the config and the gzipped layers. Each layer is read once: the sha256 of
 * its uncompressed tar (its diff id) and its entries.
 */
record ImageTarball(JsonNode manifest, JsonNode config, Map<String, Layer> layersByFile) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One layer: the diff id it really has, and its files. */
  record Layer(String diffId, List<TarArchiveEntry> entries) {}

  static ImageTarball read(Path tarball) {
    Map<String, byte[]> json = new HashMap<>();
    Map<String, Layer> layers = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (!e.isFile()) {
          continue;
        }
        // Layers are gzipped; manifests and configs (named *.json or by digest) are not.
        BufferedInputStream in = new BufferedInputStream(nonClosing(tar));
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzipped) {
          layers.put(e.getName(), readLayer(in));
        } else {
          json.put(e.getName(), in.readAllBytes());
        }
      }
      JsonNode manifest = JSON.readTree(json.get("manifest.json")).get(0);
      JsonNode config = JSON.readTree(json.get(manifest.get("Config").asText()));
      return new ImageTarball(manifest, config, layers);
    } catch (IOException e) {
      throw new UncheckedIOException(tarball.toString(), e);
    }
  }

  /** The layers in the order of the manifest (bottom first). */
  List<Layer> layers() {
    List<Layer> ordered = new ArrayList<>();
    manifest.get("Layers").forEach(f -> ordered.add(layersByFile.get(f.asText())));
    return ordered;
  }

  private static Layer readLayer(InputStream compressed) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // Not closed: closing would close the outer tar stream too.
    DigestInputStream digesting =
        new DigestInputStream(new GZIPInputStream(nonClosing(compressed)), sha256);
    TarArchiveInputStream layer = new TarArchiveInputStream(digesting);
    List<TarArchiveEntry> entries = new ArrayList<>();
    for (TarArchiveEntry e = layer.getNextEntry(); e != null; e = layer.getNextEntry()) {
      entries.add(e);
    }
    // The digest covers the whole uncompressed tar, including the end blocks after the last entry.
    digesting.transferTo(java.io.OutputStream.nullOutputStream());
    return new Layer("sha256:" + HexFormat.of().formatHex(sha256.digest()), entries);
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
