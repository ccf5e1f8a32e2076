package io.sluice.models.generate.constrained;

import io.sluice.models.generate.ConstraintFactory;
import io.sluice.models.generate.LogitsConstraint;

/**
 * JSON-Schema-constrained decoding for one tokenizer: a schema compiled to a byte-level pushdown automaton plus a
 * mask table over the vocabulary, shared by all the generations that use it (thread-safe). Each constraint allows
 * only tokens that keep the output a prefix of a document that parses and validates, and stops the generation
 * when the document is complete.
 *
 * <p>Output is compact JSON: properties in the schema's order, at most one space after a colon or comma, no other
 * whitespace, so a model cannot loop on whitespace. Strings end by their maxLength (default
 * {@value JsonSchemaCompiler#DEFAULT_MAX_STRING_LENGTH} characters) and numbers by
 * {@value NumberSchema#MAX_DIGITS} digits. With a token budget ({@link #newConstraint(int)}, normally max new
 * tokens), the mask also forces the document to close in time: a token is allowed only if the document can still
 * be completed, one byte per token, within the tokens left after it.
 */
public final class JsonSchemaConstraints implements ConstraintFactory {
  private final ValueSchema root;
  private final MaskTable masks;

  private JsonSchemaConstraints(ValueSchema root, MaskTable masks) {
    this.root = root;
    this.masks = masks;
  }

  /**
   * Compiles a JSON Schema for a vocabulary. End tokens are allowed once the document is complete (needed only
   * for a root value that could go on, such as a number). Throws IllegalArgumentException naming the schema
   * location of any unsupported keyword.
   */
  public static JsonSchemaConstraints compile(String schemaJson, TokenVocabulary vocabulary, int... endTokenIds) {
    ValueSchema root = JsonSchemaCompiler.compile(JsonText.parse(schemaJson));
    return new JsonSchemaConstraints(root, new MaskTable(vocabulary, endTokenIds));
  }

  /** A constraint without a token budget: the caller makes sure max new tokens cannot cut a document. */
  @Override
  public LogitsConstraint newConstraint() {
    return new SchemaConstraint(masks, start(), SchemaConstraint.UNBOUNDED);
  }

  /**
   * A constraint that completes the document within {@code tokenBudget} generated tokens (pass max new tokens).
   * Throws IllegalArgumentException when even the shortest valid document may need more.
   */
  public LogitsConstraint newConstraint(int tokenBudget) {
    if (tokenBudget < minimumTokenBudget()) {
      throw new IllegalArgumentException("the schema's shortest document needs up to " + minimumTokenBudget()
          + " tokens; max new tokens is " + tokenBudget);
    }
    return new SchemaConstraint(masks, start(), tokenBudget);
  }

  /** The smallest budget {@link #newConstraint(int)} accepts: the shortest document's length in bytes. */
  public int minimumTokenBudget() {
    return root.minBytes();
  }

  /** A factory that gives every constraint the same token budget. */
  public ConstraintFactory withTokenBudget(int tokenBudget) {
    newConstraint(tokenBudget); // fail fast on a budget the schema cannot fit
    return () -> newConstraint(tokenBudget);
  }

  /** Number of automaton states whose masks are cached (for benchmarks and tuning). */
  public int cachedStates() {
    return masks.cachedStates();
  }

  private Frame start() {
    return root.start(Frame.DocumentEnd.INSTANCE);
  }
}
