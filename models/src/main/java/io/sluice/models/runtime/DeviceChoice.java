package io.sluice.models.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * Picks the device a model runs on from a spec string, so GPU use is configuration, not code:
 * "cpu"; "gpu" (GPU workerIndex mod count, error if none); "gpu:N" (error if absent); "auto" (like "gpu" when
 * CUDA is visible to the engine, else CPU). Precision follows: FP16 on GPU, FP32 on CPU.
 */
public final class DeviceChoice {
  private DeviceChoice() {}

  public static Device resolve(String spec, int workerIndex) {
    return resolve(spec, workerIndex, Engine.getEngine("PyTorch").getGpuCount());
  }

  static Device resolve(String spec, int workerIndex, int gpuCount) {
    String s = spec == null ? "cpu" : spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return Device.cpu();
    }
    if (s.equals("auto")) {
      return gpuCount > 0 ? Device.gpu(Math.floorMod(workerIndex, gpuCount)) : Device.cpu();
    }
    if (s.equals("gpu")) {
      requireGpus(gpuCount, spec);
      return Device.gpu(Math.floorMod(workerIndex, gpuCount));
    }
    if (s.startsWith("gpu:")) {
      int index;
      try {
        index = Integer.parseInt(s.substring(4));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad device '" + spec + "'; use cpu, gpu, gpu:N or auto");
      }
      requireGpus(gpuCount, spec);
      if (index < 0 || index >= gpuCount) {
        throw new IllegalArgumentException("device " + spec + " requested but only " + gpuCount + " GPU(s) visible");
      }
      return Device.gpu(index);
    }
    throw new IllegalArgumentException("bad device '" + spec + "'; use cpu, gpu, gpu:N or auto");
  }

  public static DataType precisionFor(Device device) {
    return device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
  }

  private static void requireGpus(int gpuCount, String spec) {
    if (gpuCount <= 0) {
      throw new IllegalArgumentException("device " + spec + " requested but the PyTorch engine sees no GPU; "
          + "point DJL at a CUDA libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR) or use cpu/auto");
    }
  }
}
