package io.sluice.models.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded split of labelled documents into training and held-out dev documents: the documents shuffled with
 * the seed, the first {@code round(fraction * n)} held out. Training and evaluation derive it alike, so the dev
 * documents a model is scored on are exactly the ones its training left out.
 */
record DevSplit(List<LabelledDocument> train, List<LabelledDocument> dev) {
  static DevSplit of(List<LabelledDocument> all, double fraction, long seed) {
    List<LabelledDocument> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(seed));
    int devSize = (int) Math.round(fraction * shuffled.size());
    return new DevSplit(List.copyOf(shuffled.subList(devSize, shuffled.size())),
        List.copyOf(shuffled.subList(0, devSize)));
  }
}
