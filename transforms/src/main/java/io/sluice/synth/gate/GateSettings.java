package io.sluice.synth.gate;

import io.sluice.synth.ScanPolicy;
import io.sluice.synth.SpecException;
import io.sluice.synth.SpecSection;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the synthesis gate checks, from the spec's {@code gate:} block. Every part can be switched off by
 * writing {@code false} for it (or {@code enabled: false} inside it):
 *
 * <pre>
 * gate:
 *   pii:                           # PII the generator did not inject is a leak
 *     policy: ../policies/default.yaml   # a sweep policy; default: the built-in conf/policies/default.yaml
 *     entities: [EMAIL_ADDRESS, PHONE_NUMBER, PERSON]   # optional: only these count
 *     min_score: 0.5               # optional: findings below this are ignored
 *   near_duplicates:               # MinHash/LSH; the parameters also serve within_output
 *     source: ../data/corpus.jsonl # optional: a corpus no output may copy (read by the job's document readers)
 *     threshold: 0.7               # estimated Jaccard similarity of word shingles at which a record is a copy
 *     shingle: 5                   # words per shingle
 *     permutations: 128            # MinHash signature length
 *     bands: 32                    # LSH bands; must divide permutations
 *   within_output: true            # near duplicates among the generated records: the lowest index is kept
 *   exact_dedup: true              # identical normalised texts: the lowest index is kept
 * </pre>
 *
 * @param pii the PII scan, or null when switched off
 * @param minHash shingling and signature parameters (used by both near-duplicate checks)
 * @param threshold estimated Jaccard similarity at or above which two texts are near duplicates
 * @param sourceCheck whether records are compared with a source corpus
 * @param source the source corpus as written in the spec, resolved against the spec's directory (null: none)
 * @param withinOutput whether near duplicates among the records are rejected
 * @param exactDedup whether exact duplicates among the records are rejected
 */
public record GateSettings(
    ScanPolicy pii,
    MinHasher minHash,
    double threshold,
    boolean sourceCheck,
    String source,
    boolean withinOutput,
    boolean exactDedup)
    implements Serializable {

  /**
   * 0.7, not 0.8: a 150-word document with 3 words changed keeps a 5-word-shingle Jaccard of about 0.81, and the
   * MinHash estimate (standard error about 0.035) fell below 0.8 for a third of such copies; at 0.7 all were caught,
   * with no false positive among 19,600 unrelated records or 20,000 templated tickets (BENCHMARKS.md).
   */
  public static final double DEFAULT_THRESHOLD = 0.7;
  public static final int DEFAULT_SHINGLE = 5;
  public static final int DEFAULT_PERMUTATIONS = 128;
  public static final int DEFAULT_BANDS = 32;

  public GateSettings {
    if (sourceCheck && (source == null || source.isBlank())) {
      throw new SpecException("gate.near_duplicates.source is empty: name the corpus to compare with");
    }
  }

  /** The gate with every check on, the built-in policy and no source corpus (the spec without a gate block). */
  public static GateSettings defaults() {
    return parse(Map.of(), null);
  }

  /**
   * Reads the spec's {@code gate:} block.
   *
   * @param section the block as YAML binds it; null or empty for the defaults
   * @param specDir directory of the spec file, against which relative paths resolve
   * @throws SpecException naming the key and what to write instead
   */
  public static GateSettings parse(Map<String, Object> section, Path specDir) {
    SpecSection gate = SpecSection.of("gate", section);
    if (!gate.enabled()) {
      return new GateSettings(null, new MinHasher(DEFAULT_SHINGLE, DEFAULT_PERMUTATIONS, DEFAULT_BANDS),
          DEFAULT_THRESHOLD, false, null, false, false);
    }
    SpecSection piiSection = gate.section("pii");
    ScanPolicy pii = null;
    if (piiSection.enabled()) {
      pii = ScanPolicy.parse(piiSection, specDir);
      piiSection.rejectUnknownKeys();
    }
    SpecSection near = gate.section("near_duplicates");
    double threshold = near.number("threshold", DEFAULT_THRESHOLD, 0.01, 1);
    int shingle = near.integer("shingle", DEFAULT_SHINGLE, 1);
    int permutations = near.integer("permutations", DEFAULT_PERMUTATIONS, 1);
    int bands = near.integer("bands", DEFAULT_BANDS, 1);
    if (permutations % bands != 0) {
      throw new SpecException(near.path("bands") + " (" + bands + ") must divide " + near.path("permutations")
          + " (" + permutations + "): each band takes permutations / bands signature values");
    }
    String source = near.has("source") ? near.file("source", specDir).toString() : null;
    near.rejectUnknownKeys();
    if (!near.enabled()) {
      source = null;
    }
    boolean withinOutput = gate.bool("within_output", true);
    boolean exactDedup = gate.bool("exact_dedup", true);
    gate.rejectUnknownKeys();
    return new GateSettings(
        pii, new MinHasher(shingle, permutations, bands), threshold, source != null, source, withinOutput, exactDedup);
  }

  /** The source corpus to read (with the job's document readers), or null when there is none. */
  public Path sourcePath() {
    return sourceCheck ? Path.of(source) : null;
  }

  public boolean piiScan() {
    return pii != null;
  }
}
