package io.sluice.models.generate.template;

/**
 * {@code raise_exception(message)} of Hugging Face chat templates: the template refuses the conversation (for
 * example a system message where the model has none). Jinjava wraps it; {@link ChatTemplate} finds it again.
 */
public final class TemplateFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private TemplateFailure(String message) {
    super(message);
  }

  /** Bound as the template function raise_exception. */
  public static String raise(String message) {
    throw new TemplateFailure(message);
  }

  /** The refusal among the causes of a rendering error, or null. */
  static TemplateFailure findIn(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateFailure failure) {
        return failure;
      }
    }
    return null;
  }
}
