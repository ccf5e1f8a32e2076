package io.sluice.synth.fields;

import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * What a generator draws on for one record: a {@link Random} reseeded before each field, a datafaker {@link Faker}
 * drawing from that same Random, the record's index and the values of the fields generated before.
 */
public final class GeneratorContext {
  private final Random random;
  private final Faker faker;
  private final Map<String, Object> values;
  private long index;

  public GeneratorContext(Random random, Faker faker, Map<String, Object> values) {
    this.random = random;
    this.faker = faker;
    this.values = values;
  }

  public Random random() {
    return random;
  }

  public Faker faker() {
    return faker;
  }

  public long index() {
    return index;
  }

  /** The value of a field generated earlier for this record (null if it was left null). */
  public Object value(String field) {
    return values.get(field);
  }

  /** Records a field's value for the fields generated after it. */
  public void put(String field, Object value) {
    values.put(field, value);
  }

  /** Starts a record: forgets the previous record's values. */
  public void startRecord(long recordIndex) {
    this.index = recordIndex;
    values.clear();
  }
}
