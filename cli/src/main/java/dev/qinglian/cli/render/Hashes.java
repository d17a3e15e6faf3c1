package dev.qinglian.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of input files, for provenance. */
public final class Hashes {
  private Hashes() {}

  /** SHA-256 of the workspace's model file, or of the built-in model's text. */
  public static String modelSha256(dev.qinglian.Workspace ws) {
    if (!ws.modelName().equals(dev.qinglian.model.ModelLoader.DEFAULT_NAME)) {
      return sha256(Path.of(ws.modelName()));
    }
    try (InputStream in =
        dev.qinglian.model.ModelLoader.class.getResourceAsStream("indicators.yaml")) {
      return sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case hex SHA-256 of a stream's bytes. */
  public static String sha256(InputStream in) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
