package io.sluice.pipelines.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {
  @Test
  void directUsesTheParallelismAndSkipsTheEncodingChecks() {
    DirectOptions options = new RunnerSettings(RunnerKind.DIRECT, null, 3).toPipelineOptions("j").as(DirectOptions.class);
    assertEquals(DirectRunner.class, options.getRunner());
    assertEquals(3, options.getTargetParallelism());
    assertFalse(options.isEnforceEncodability());
  }

  @Test
  void sparkRunsEmbeddedWithAllCoresOrTheParallelismOrTheGivenMaster() {
    assertEquals("local[*]", spark(null, 0).getSparkMaster());
    assertEquals("local[2]", spark(null, 2).getSparkMaster());
    assertEquals("spark://host:7077", spark("spark://host:7077", 2).getSparkMaster());
    assertEquals(SparkRunner.class, spark(null, 0).getRunner());
  }

  @Test
  void flinkRunsEmbedded() {
    FlinkPipelineOptions options =
        new RunnerSettings(RunnerKind.FLINK, null, 4).toPipelineOptions("j").as(FlinkPipelineOptions.class);
    assertEquals(FlinkRunner.class, options.getRunner());
    assertEquals("[auto]", options.getFlinkMaster());
    assertEquals(4, options.getParallelism());
  }

  private static SparkPipelineOptions spark(String master, int parallelism) {
    return new RunnerSettings(RunnerKind.SPARK, master, parallelism).toPipelineOptions("j").as(SparkPipelineOptions.class);
  }
}
