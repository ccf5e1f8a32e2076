package io.sluice.models.extract;

import java.io.IOException;
import java.io.Serializable;

/** Opens a {@link FieldExtractor} on a worker: the serialisable recipe a Beam transform carries instead of a model. */
@FunctionalInterface
public interface FieldExtractorFactory extends Serializable {

  FieldExtractor open() throws IOException;
}
