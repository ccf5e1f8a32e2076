package io.sluice.models.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Writes FP32 tensors as a .safetensors file through DJL's encoder, keeping the tensor names. */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  public static void write(Path file, Collection<Tensor> tensors) throws IOException {
    try (NDManager manager = NDManager.newBaseManager("PyTorch");
        OutputStream out = Files.newOutputStream(file)) {
      NDList list = new NDList();
      for (Tensor t : tensors) {
        NDArray a = manager.create(t.data(), new Shape(t.shape()));
        a.setName(t.name());
        list.add(a);
      }
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
  }
}
