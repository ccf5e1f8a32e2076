package io.sluice.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * A DoFn that collects the elements of a bundle into batches and hands each batch to
 * {@link #processBatch}: the way every model-backed step (detection, moderation, extraction) gets
 * enough texts together to batch them through a model, without a shuffle.
 *
 * <p>Batch jobs only: elements live in the global window (checked by {@link TransformResult#requireGlobalWindow}),
 * so outputs of an earlier element may be emitted while a later one is processed.
 *
 * @param <InputT> element type
 * @param <OutputT> main output type
 */
public abstract class BatchingDoFn<InputT, OutputT> extends DoFn<InputT, OutputT> {

  private final int maxElements;
  private final long maxWeight;
  private transient List<TimestampedInput<InputT>> batch;
  private transient long batchWeight;

  /**
   * @param maxElements flush when this many elements are waiting
   * @param maxWeight flush when their summed {@link #weight} reaches this (e.g. chars)
   */
  protected BatchingDoFn(int maxElements, long maxWeight) {
    if (maxElements < 1 || maxWeight < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
    this.maxElements = maxElements;
    this.maxWeight = maxWeight;
  }

  /** How much an element counts towards {@code maxWeight}. */
  protected abstract long weight(InputT element);

  /** Processes one batch; every element must end in exactly one output. */
  protected abstract void processBatch(List<InputT> elements, Outputs outputs);

  /** Where {@link #processBatch} sends its results; index = position of the element in the batch. */
  public interface Outputs {
    <T> void output(TupleTag<T> tag, T value, int elementIndex);
  }

  @StartBundle
  public void startBatching() {
    batch = new ArrayList<>();
    batchWeight = 0;
  }

  @ProcessElement
  public void collect(@Element InputT element, @Timestamp Instant timestamp, MultiOutputReceiver receiver) {
    batch.add(new TimestampedInput<>(element, timestamp));
    batchWeight += weight(element);
    if (batch.size() >= maxElements || batchWeight >= maxWeight) {
      // Outputs may not go earlier than the element being processed: use the later of the two.
      flush((tag, value, ts) -> receiver.get(tag).outputWithTimestamp(value, ts.isBefore(timestamp) ? timestamp : ts));
    }
  }

  @FinishBundle
  public void finishBatching(FinishBundleContext context) {
    flush((tag, value, ts) -> context.output(tag, value, ts, GlobalWindow.INSTANCE));
  }

  private void flush(TimestampedSink sink) {
    if (batch.isEmpty()) {
      return;
    }
    List<TimestampedInput<InputT>> current = batch;
    batch = new ArrayList<>();
    batchWeight = 0;
    List<InputT> elements = new ArrayList<>(current.size());
    for (TimestampedInput<InputT> input : current) {
      elements.add(input.element());
    }
    processBatch(
        elements,
        new Outputs() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> void output(TupleTag<T> tag, T value, int elementIndex) {
            sink.emit((TupleTag<Object>) (TupleTag<?>) tag, value, current.get(elementIndex).timestamp());
          }
        });
  }

  private record TimestampedInput<T>(T element, Instant timestamp) {}

  private interface TimestampedSink {
    void emit(TupleTag<Object> tag, Object value, Instant timestamp);
  }
}
