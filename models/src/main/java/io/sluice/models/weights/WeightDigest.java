package io.sluice.models.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * SHA-256 over a model's weight files, concatenated in the given order. For one file this equals
 * {@code sha256sum FILE}; for shards, {@code cat shard1 shard2 ... | sha256sum} in sorted name order.
 */
public final class WeightDigest {
  private WeightDigest() {}

  public static String sha256(List<Path> files) {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 20];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      } catch (IOException e) {
        throw new WeightFormatException("cannot read weight file " + f.getFileName(), e);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Throws when an expected digest is given and differs; a null or blank expectation means "not pinned". */
  public static void check(String expected, String actual, String what) {
    if (expected != null && !expected.isBlank() && !expected.trim().toLowerCase(Locale.ROOT).equals(actual)) {
      throw new WeightFormatException("sha256 mismatch for " + what + ": expected " + expected.trim() + ", got " + actual);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
