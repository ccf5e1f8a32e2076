package io.sluice.pipelines.synth;

import io.sluice.pipelines.ConfigException;
import io.sluice.synth.SpecException;
import io.sluice.synth.SpecLoader;
import io.sluice.synth.SynthMode;
import io.sluice.synth.SynthSpec;
import io.sluice.synth.deid.DeidSettings;
import io.sluice.synth.gate.GateSettings;

/**
 * A spec with its gate and de-identification sections parsed, and checked against the command line, before any
 * work starts: every mistake is a {@link ConfigException} naming the spec.
 *
 * @param deid null unless mode is deid
 */
record LoadedSpec(SynthSpec spec, GateSettings gate, DeidSettings deid) {
  static LoadedSpec load(SynthOptions options) {
    LoadedSpec loaded;
    try {
      SynthSpec spec = SpecLoader.load(options.spec());
      GateSettings gate = GateSettings.parse(spec.gate(), spec.specDir());
      DeidSettings deid = spec.mode() == SynthMode.DEID ? DeidSettings.parse(spec.deid(), spec.specDir()) : null;
      loaded = new LoadedSpec(spec, gate, deid);
    } catch (SpecException e) {
      throw new ConfigException("spec " + options.spec() + ": " + e.getMessage());
    }
    loaded.checkAgainst(options);
    return loaded;
  }

  private void checkAgainst(SynthOptions options) {
    if (spec.mode() == SynthMode.DEID) {
      if (options.input() == null) {
        throw new ConfigException("mode deid copies a corpus: give it with --input");
      }
      if (gate.sourcePath() != null) {
        throw new ConfigException("spec " + options.spec() + ": a de-identified copy is a near copy of its source by "
            + "design; remove gate.near_duplicates.source in mode deid");
      }
    } else {
      if (options.input() != null) {
        throw new ConfigException("--input applies to mode deid; this spec is mode " + spec.mode().name().toLowerCase());
      }
      if (options.count() < 0) {
        throw new ConfigException("--count N is required (N >= 0) in mode " + spec.mode().name().toLowerCase());
      }
    }
  }
}
