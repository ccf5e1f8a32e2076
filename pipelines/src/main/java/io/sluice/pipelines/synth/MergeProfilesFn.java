package io.sluice.pipelines.synth;

import io.sluice.synth.profile.ProfileRecordsFn;
import io.sluice.synth.profile.ProfileRecordsFn.Profiles;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/** Merges the profiles of the written parts into the profile JSON of the whole output. */
final class MergeProfilesFn extends Combine.CombineFn<Profiles, Profiles, String> {
  private final ProfileRecordsFn profile;

  MergeProfilesFn(ProfileRecordsFn profile) {
    this.profile = profile;
  }

  @Override
  public Profiles createAccumulator() {
    return profile.createAccumulator();
  }

  @Override
  public Profiles addInput(Profiles accumulator, Profiles part) {
    return profile.mergeAccumulators(List.of(accumulator, part));
  }

  @Override
  public Profiles mergeAccumulators(Iterable<Profiles> accumulators) {
    return profile.mergeAccumulators(accumulators);
  }

  @Override
  public String extractOutput(Profiles accumulator) {
    return profile.extractOutput(accumulator);
  }

  @Override
  public Coder<Profiles> getAccumulatorCoder(CoderRegistry registry, Coder<Profiles> inputCoder) {
    return SerializableCoder.of(Profiles.class);
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<Profiles> inputCoder) {
    return StringUtf8Coder.of();
  }
}
