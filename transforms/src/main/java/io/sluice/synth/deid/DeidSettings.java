package io.sluice.synth.deid;

import io.sluice.pii.operators.KeyRing;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import io.sluice.synth.ScanPolicy;
import io.sluice.synth.SpecException;
import io.sluice.synth.SpecSection;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * The spec's {@code deidentify:} block for de-identified copies of a corpus (the corpus itself is the job's input):
 *
 * <pre>
 * deidentify:
 *   policy: ../policies/default.yaml  # what to find: a sweep policy; default: the built-in one
 *   entities: [PERSON, EMAIL_ADDRESS] # optional: only these of the policy's entities are replaced
 *   min_score: 0.4                    # optional: findings below this are left as they are
 *   key: {env: SLUICE_SYNTH_KEY}      # optional, or {file: PATH}: the same value gets the same surrogate in
 *                                     # every document and run; without it, only within one document
 * </pre>
 *
 * The key is read when the spec is parsed, so a missing one stops the job before it starts, and again on each
 * worker; only where it lives travels with the pipeline, never its value.
 *
 * @param scan what is replaced
 * @param key where the corpus key lives, or null for per-document consistency only
 */
public record DeidSettings(ScanPolicy scan, Policy.KeySource key) implements Serializable {
  /** Name of the key in messages. */
  static final String KEY_NAME = "deidentify.key";

  /**
   * Reads the block.
   *
   * @param specDir directory of the spec file, against which relative paths resolve
   * @throws SpecException naming the key and what to write instead (also for a key that cannot be read)
   */
  public static DeidSettings parse(Map<String, Object> section, Path specDir) {
    SpecSection block = SpecSection.of("deidentify", section);
    if (!block.enabled()) {
      throw new SpecException("deidentify cannot be switched off in a de-identified copies spec: remove"
          + " 'enabled: false' or choose another mode");
    }
    ScanPolicy scan = ScanPolicy.parse(block, specDir);
    Policy.KeySource key = null;
    if (block.has("key")) {
      SpecSection keyBlock = block.section("key");
      key = new Policy.KeySource();
      key.env = keyBlock.string("env", null);
      key.file = keyBlock.has("file") ? keyBlock.file("file", specDir).toString() : null;
      keyBlock.rejectUnknownKeys();
      if ((key.env == null) == (key.file == null)) {
        throw new SpecException(block.path("key") + " must set exactly one of env or file, e.g. key: {env:"
            + " SLUICE_SYNTH_KEY}");
      }
    }
    block.rejectUnknownKeys();
    DeidSettings settings = new DeidSettings(scan, key);
    settings.readKey(System.getenv());
    return settings;
  }

  /** The corpus key's bytes, or null when none is configured. */
  byte[] readKey(Map<String, String> env) {
    if (key == null) {
      return null;
    }
    try {
      return KeyRing.readKey(KEY_NAME, key, "de-identified copies", env);
    } catch (PolicyException e) {
      throw new SpecException(e.getMessage(), e);
    }
  }
}
