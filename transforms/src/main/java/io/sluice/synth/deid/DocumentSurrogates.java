package io.sluice.synth.deid;

import io.sluice.pii.Detection;
import io.sluice.pii.operators.Anonymizer;
import io.sluice.pii.operators.Operator;
import io.sluice.pii.operators.SurrogateOperator;
import io.sluice.pii.operators.surrogate.SurrogateGenerator;
import io.sluice.schemas.InjectedValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the findings of one document with surrogates from the sweep's surrogate operator (realistic fakes,
 * valid where validity is checkable: cards pass Luhn, IBANs mod-97), and records each fake as an injected value.
 *
 * <p>Consistency comes from the operator: a fake is seeded from HMAC(key, entity type, canonical original), so one
 * original gets one fake wherever the key is the same. With a corpus key, that is across every document and run.
 * Without one, each document gets its own key, SHA-256 of its id and text: the same name is the same fake
 * throughout the document, but documents share nothing, so fakes cannot be linked across documents (the key is
 * derived from the original text, which a reader of the copies does not have). Both are deterministic: the same
 * input gives the same copies on any runner.
 *
 * <p>Thread-safe: the generator and a corpus-key operator are shared; a per-document operator lives for one call.
 */
final class DocumentSurrogates {
  private final SurrogateGenerator generator;
  private final Operator corpusOperator;

  /** @param corpusKey the corpus key's bytes, or null for per-document keys */
  DocumentSurrogates(SurrogateGenerator generator, byte[] corpusKey) {
    this.generator = generator;
    this.corpusOperator = corpusKey == null ? null : SurrogateOperator.keyed(corpusKey, generator);
  }

  /** The rewritten text and the surrogates written into it. */
  record Copy(String text, List<InjectedValue> injected) {}

  /** @param detections char offsets, sorted and non-overlapping (as the analyzer returns them) */
  Copy replace(String id, String text, List<Detection> detections) {
    Operator operator = corpusOperator != null ? corpusOperator : SurrogateOperator.keyed(documentKey(id, text), generator);
    List<InjectedValue> injected = new ArrayList<>(detections.size());
    Operator recording = new Operator() {
      @Override
      public String name() {
        return operator.name();
      }

      @Override
      public String apply(String entityType, String original) {
        String fake = operator.apply(entityType, original);
        injected.add(InjectedValue.newBuilder().setEntityType(entityType).setValue(fake).build());
        return fake;
      }
    };
    String rewritten = Anonymizer.everywhere(recording).anonymize(text, detections).text();
    return new Copy(rewritten, injected);
  }

  private static byte[] documentKey(String id, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sluice-deid-document-key\u0000".getBytes(StandardCharsets.UTF_8));
      sha.update(id.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
