package io.sluice.models.generate.constrained;

import io.sluice.models.generate.LogitsConstraint;

/**
 * The constraint of one generation: the automaton state after the tokens accepted so far, and the tokens left in
 * the budget. Every allowed token leaves a state whose shortest completion fits in the tokens that remain (every
 * byte has a single-byte token), so the output is a complete document by the time the budget runs out.
 */
final class SchemaConstraint implements LogitsConstraint {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private final MaskTable masks;
  private Frame state;
  private int tokensLeft;
  private boolean ended;

  SchemaConstraint(MaskTable masks, Frame start, int tokenBudget) {
    this.masks = masks;
    this.state = start;
    this.tokensLeft = tokenBudget;
  }

  @Override
  public void maskLogits(float[] logits) {
    if (ended || tokensLeft == 0) {
      throw new IllegalStateException("the constrained output is already complete; nothing may follow");
    }
    int slack = tokensLeft == UNBOUNDED ? UNBOUNDED : tokensLeft - Frame.bytesToComplete(state);
    StateMask mask = masks.maskOf(state, false);
    int left;
    if (mask.budgetBinds(slack)) {
      left = masks.maskOf(state, true).applyWithin(logits, slack);
    } else {
      mask.apply(logits);
      left = mask.allowedCount();
    }
    if (left == 0) {
      throw new IllegalStateException("no token of the vocabulary can continue the document here; the vocabulary"
          + " lacks single-byte tokens for JSON punctuation or the end tokens are missing");
    }
  }

  @Override
  public void accept(int tokenId) {
    if (ended) {
      throw new IllegalStateException("token " + tokenId + " after the end of the constrained output");
    }
    if (masks.isEndToken(tokenId)) {
      if (!Frame.isAccepting(state)) {
        throw new IllegalStateException("end token " + tokenId + " before the document is complete");
      }
      ended = true;
      return;
    }
    byte[] bytes = masks.vocabulary().bytes(tokenId);
    if (bytes == null) {
      throw new IllegalStateException("token " + tokenId + " has no text and was not allowed by the mask");
    }
    Frame next = state;
    for (byte b : bytes) {
      next = Frame.advance(next, b & 0xFF);
      if (next == null) {
        throw new IllegalStateException("token " + tokenId + " was not allowed by the schema at this point");
      }
    }
    state = next;
    if (tokensLeft != UNBOUNDED) {
      tokensLeft--;
    }
  }

  @Override
  public boolean isComplete() {
    return ended || state instanceof Frame.DocumentEnd || (tokensLeft == 0 && Frame.isAccepting(state));
  }
}
