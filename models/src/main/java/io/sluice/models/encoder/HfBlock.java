package io.sluice.models.encoder;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;

/**
 * Base of the encoder blocks. Every parameter's shape is known from the configuration, so no shape inference
 * is needed; shapes are declared once, so a second initialize (e.g. by a Trainer after weights were loaded)
 * leaves loaded parameters alone.
 */
public abstract class HfBlock extends AbstractBlock {

  protected final Parameter parameter(String name, Parameter.Type type, Initializer initializer) {
    Parameter p = Parameter.builder().setName(name).setType(type).build();
    p.setInitializer(initializer);
    return addParameter(p);
  }

  /** Shapes of this block's own parameters, applied only to parameters that no weight was loaded into. */
  protected void declareShapes() {}

  protected static void shapeIfUnloaded(Parameter p, Shape shape) {
    if (!p.isInitialized() && p.getShape() == null) {
      p.setShape(shape);
    }
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    declareShapes();
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Pair<String, Block> child : getChildren()) {
      child.getValue().initialize(manager, dataType, inputShapes);
    }
  }
}
