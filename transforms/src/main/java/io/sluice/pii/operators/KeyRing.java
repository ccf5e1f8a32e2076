package io.sluice.pii.operators;

import io.sluice.policy.OperatorSpecs;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secret keys a policy's operators need, read from environment variables or files (the policy only
 * names where they are). Resolved once when a job starts, so a missing key stops it before any work.
 *
 * <p>Key material never appears in {@link #toString()}, messages or logs. An environment variable's
 * value is used as UTF-8 bytes (a hex string from {@code openssl rand -hex 32} is fine); a file's bytes are
 * used as they are, without trailing whitespace (the newline an editor or {@code echo} adds).
 */
public final class KeyRing {
  /** HMAC keys shorter than this are guessable by brute force. */
  public static final int MIN_KEY_BYTES = 16;

  private final Map<String, byte[]> keys;

  private KeyRing(Map<String, byte[]> keys) {
    this.keys = keys;
  }

  /** No keys: enough for policies whose operators need none (redact, replace, mask, keep). */
  public static KeyRing empty() {
    return new KeyRing(Map.of());
  }

  /** {@link #resolve(Policy, Map)} against this process's environment. */
  public static KeyRing resolve(Policy policy) {
    return resolve(policy, System.getenv());
  }

  /**
   * Reads every key that one of the policy's operators needs.
   *
   * @throws PolicyException naming the environment variable or file to set, and how, when a needed key is
   *     undeclared, unset, empty, unreadable or shorter than {@value #MIN_KEY_BYTES} bytes
   */
  public static KeyRing resolve(Policy policy, Map<String, String> env) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    OperatorSpecs.withPaths(policy).forEach((path, spec) -> {
      if (OperatorTypes.needsKey(spec.type) && !keys.containsKey(spec.key)) {
        keys.put(spec.key, read(policy, spec.key, path, env));
      }
    });
    return new KeyRing(keys);
  }

  /** A copy of the named key's bytes. */
  public byte[] key(String name) {
    byte[] key = keys.get(name);
    if (key == null) {
      throw new PolicyException("key '" + name + "' was not resolved: build the KeyRing with KeyRing.resolve(policy)"
          + " from the same policy that declares it under keys");
    }
    return key.clone();
  }

  /** Names of the resolved keys (never their values). */
  public Set<String> names() {
    return Set.copyOf(keys.keySet());
  }

  @Override
  public String toString() {
    return "KeyRing" + keys.keySet();
  }

  private static byte[] read(Policy policy, String name, String usedBy, Map<String, String> env) {
    Policy.KeySource source = name == null ? null : policy.keys.get(name);
    if (source == null) {
      throw new PolicyException("key '" + name + "' (needed by " + usedBy + ") is not declared: add it under keys,"
          + " e.g. keys: {" + name + ": {env: SLUICE_HMAC_KEY}}");
    }
    return readKey(name, source, usedBy, env);
  }

  /**
   * Reads one key from where {@code source} says, with the same checks and messages as keys declared in a
   * policy; for settings outside a policy that name a key the same way (a synthesis spec's {@code key:}).
   *
   * @param usedBy what needs the key, for the message when it is missing
   */
  public static byte[] readKey(String name, Policy.KeySource source, String usedBy, Map<String, String> env) {
    String subject = "key '" + name + "' (needed by " + usedBy + ")";
    if ((source.env == null) == (source.file == null)) {
      throw new PolicyException("keys." + name + " must set exactly one of env or file");
    }
    byte[] key;
    String setIt;
    if (source.env != null) {
      setIt = "export " + source.env + "=$(openssl rand -hex 32)";
      String value = env.get(source.env);
      if (value == null || value.isBlank()) {
        throw new PolicyException(subject + " is missing: environment variable " + source.env
            + " is not set or empty. Set it, e.g. `" + setIt + "`, and keep the value: the same key gives the"
            + " same pseudonyms in every run.");
      }
      key = value.strip().getBytes(StandardCharsets.UTF_8);
    } else {
      setIt = "openssl rand -hex 32 > " + source.file + " && chmod 600 " + source.file;
      key = readFile(subject, Path.of(source.file), setIt);
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new PolicyException(subject + " is too short: " + key.length + " bytes, at least " + MIN_KEY_BYTES
          + " are needed. Generate one, e.g. `" + setIt + "`.");
    }
    return key;
  }

  private static byte[] readFile(String subject, Path file, String createIt) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      throw new PolicyException(subject + " is missing: file " + file.toAbsolutePath() + " cannot be read ("
          + e.getClass().getSimpleName() + "). Create it, e.g. `" + createIt + "`.", e);
    }
    int end = bytes.length;
    while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
      end--;
    }
    byte[] key = Arrays.copyOf(bytes, end);
    Arrays.fill(bytes, (byte) 0);
    if (key.length == 0) {
      throw new PolicyException(subject + " is missing: file " + file.toAbsolutePath() + " is empty. Fill it,"
          + " e.g. `" + createIt + "`.");
    }
    return key;
  }
}
