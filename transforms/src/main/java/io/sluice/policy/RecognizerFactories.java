package io.sluice.policy;

import io.sluice.pii.RecognizerFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link RecognizerFactory} implementations on the classpath, by the {@code type} they answer to. */
public final class RecognizerFactories {
  private RecognizerFactories() {}

  /**
   * Every factory found with {@link ServiceLoader}, sorted by type.
   *
   * @throws PolicyException when two factories claim one type (the policy could not say which it means)
   */
  public static Map<String, RecognizerFactory> available() {
    Map<String, RecognizerFactory> byType = new TreeMap<>();
    for (RecognizerFactory factory : ServiceLoader.load(RecognizerFactory.class)) {
      RecognizerFactory previous = byType.putIfAbsent(factory.type(), factory);
      if (previous != null) {
        throw new PolicyException("two recognizer factories answer to type '" + factory.type() + "': "
            + previous.getClass().getName() + " and " + factory.getClass().getName()
            + "; remove one from the classpath");
      }
    }
    return byType;
  }
}
