package io.sluice.pipelines.runner;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Which runner and how parallel. Spark and Flink run embedded in this JVM ({@code local[*]} and
 * {@code [auto]}, which is the cluster under {@code flink run}); under {@code spark-submit} the master Spark was given wins over {@code sparkMaster}.
 *
 * @param sparkMaster null for {@code local[N]} with N = parallelism, or {@code local[*]}
 * @param parallelism 0 for the runner's default (all cores)
 */
public record RunnerSettings(RunnerKind kind, String sparkMaster, int parallelism) {

  public static RunnerSettings direct() {
    return new RunnerSettings(RunnerKind.DIRECT, null, 0);
  }

  public PipelineOptions toPipelineOptions(String jobName) {
    PipelineOptions options =
        switch (kind) {
          case DIRECT -> direct(PipelineOptionsFactory.as(DirectOptions.class));
          case SPARK -> spark(PipelineOptionsFactory.as(SparkPipelineOptions.class));
          case FLINK -> flink(PipelineOptionsFactory.as(FlinkPipelineOptions.class));
        };
    options.setJobName(jobName);
    return options;
  }

  private PipelineOptions direct(DirectOptions options) {
    options.setRunner(DirectRunner.class);
    if (parallelism > 0) {
      options.setTargetParallelism(parallelism);
    }
    // These checks re-encode every element: test aids that cost real time on large corpora.
    options.setEnforceEncodability(false);
    options.setEnforceImmutability(false);
    return options;
  }

  private PipelineOptions spark(SparkPipelineOptions options) {
    options.setRunner(SparkRunner.class);
    options.setSparkMaster(sparkMaster != null ? sparkMaster : parallelism > 0 ? "local[" + parallelism + "]" : "local[*]");
    // Spark caches every PCollection read by two or more steps, a full copy of the corpus whose size Spark
    // estimates by walking object graphs and which every later GC copies; recomputing beats copying. Beam's runner
    // still caches the output of every step with several outputs, whatever this says: the sweep's path has none
    // (see SweepPipeline). Steps that count metrics must feed a single consumer, or they count twice.
    options.setCacheDisabled(true);
    // An embedded run needs no web UI, and several runs on one machine would fight over its port.
    if (System.getProperty("spark.ui.enabled") == null) {
      System.setProperty("spark.ui.enabled", "false");
    }
    return options;
  }

  private PipelineOptions flink(FlinkPipelineOptions options) {
    options.setRunner(FlinkRunner.class);
    // [auto]: the cluster when launched by `flink run`, an embedded mini-cluster otherwise.
    options.setFlinkMaster("[auto]");
    if (parallelism > 0) {
      options.setParallelism(parallelism);
    }
    return options;
  }
}
