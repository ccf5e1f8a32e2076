package io.sluice.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
  @Test
  void cpuIsTheDefault() {
    assertEquals(Device.cpu(), DeviceChoice.resolve(null, 0, 4));
    assertEquals(Device.cpu(), DeviceChoice.resolve("cpu", 3, 4));
  }

  @Test
  void autoSpreadsWorkersOverVisibleGpusOrFallsBackToCpu() {
    assertEquals(Device.gpu(1), DeviceChoice.resolve("auto", 5, 2));
    assertEquals(Device.gpu(0), DeviceChoice.resolve("auto", 4, 2));
    assertEquals(Device.cpu(), DeviceChoice.resolve("auto", 5, 0));
  }

  @Test
  void explicitGpuNeedsOne() {
    assertEquals(Device.gpu(2), DeviceChoice.resolve("gpu:2", 0, 4));
    assertEquals(Device.gpu(1), DeviceChoice.resolve("GPU", 3, 2));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("gpu", 0, 0));
    assertTrue(none.getMessage().contains("PYTORCH_LIBRARY_PATH"));
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("gpu:4", 0, 4));
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("tpu", 0, 4));
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.resolve("gpu:x", 0, 4));
  }

  @Test
  void thisMachineHasNoGpuSoAutoIsCpuAndPrecisionFollowsTheDevice() {
    assertEquals(Device.cpu(), DeviceChoice.resolve("auto", 7));
    assertEquals(DataType.FLOAT32, DeviceChoice.precisionFor(Device.cpu()));
    assertEquals(DataType.FLOAT16, DeviceChoice.precisionFor(Device.gpu(0)));
  }
}
