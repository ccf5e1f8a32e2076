package io.sluice.synth;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded synthesis spec ({@code conf/synth/*.yaml}).
 *
 * @param recordsPerFile records per output part file: part k holds indices [k * n, (k + 1) * n)
 * @param slm null unless mode is slm
 * @param gate the {@code gate:} section as parsed YAML (empty: no gate configured)
 * @param deid the {@code deidentify:} section (mode deid)
 * @param specDir the spec's folder: relative paths in it resolve from here
 */
public record SynthSpec(String name, SynthMode mode, RecordPlan plan, int recordsPerFile, SlmSettings slm,
    Map<String, Object> gate, Map<String, Object> deid, Path specDir) {}
