package io.sharcs.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Lays a batch of images out channels-last in memory, keeping its {@code (B, C, H, W)} shape.
 *
 * <p>The values and every index stay the same; only the order in memory changes, from one plane
 * per channel to the channels of a pixel side by side (PyTorch's {@code
 * torch.channels_last}). PyTorch's convolutions, poolings and batch norms keep the layout of
 * their input, so the whole convolution stack and its backward pass run in it. On the CPU that is
 * much faster for the few channels of this plugin's networks: forward and backward of the CLEVR
 * network (3 to 8, 16, 32 channels, 100 images of 64x64) took 54 ms a step in the default layout
 * and 29 ms channels-last on two threads (95 and 48 ms on one); the reference's MNIST network
 * (1 to 16, 16 channels, 64 digits) 12.3 and 8.5 ms (docs/results/performance.md). The results
 * agree to rounding, not to the bit: the kernels add in another order.
 *
 * <p>DJL has no call for a memory format, so the layout comes from views: the batch is permuted
 * to {@code (B, H, W, C)}, copied into that order, and permuted back, which leaves a {@code (B,
 * C, H, W)} array with channels-last strides.
 */
final class ChannelsLast {

  private ChannelsLast() {}

  /** {@code x}, a {@code (B, C, H, W)} batch, as a channels-last array of the same shape and values. */
  static NDArray of(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("expected (B, C, H, W) images, got shape " + s);
    }
    // reshape(-1) of the permuted view copies in (B, H, W, C) order; the reshape and the second
    // permutation are views of that copy.
    return x.transpose(0, 2, 3, 1)
        .reshape(-1)
        .reshape(s.get(0), s.get(2), s.get(3), s.get(1))
        .transpose(0, 3, 1, 2);
  }
}
