package io.sharcs.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Holds the image plugin's convolution layer that works around a PyTorch defect. */
final class GradientSafeConvolution {

  private GradientSafeConvolution() {}

  /**
   * A 2-D convolution whose gradient with respect to its input is right.
   *
   * <p>The PyTorch 2.7.1 CPU build that DJL 0.36.0 ships computes that gradient (oneDNN's batched
   * backward data pass) wrongly when the number of output channels is not a multiple of its vector
   * block. Measured with a 3x3 convolution on 8 x C x 6 x 8 inputs, 100 passes each, against the
   * same gradient computed one sample at a time (which PyTorch does with its own convolution): for
   * 8 to 4, 8 to 5 and 24 to 12 channels the batched input gradient differed in every pass, in
   * almost every element, and now and then held NaN or infinity (8 to 4: 2 passes in 200; 24 to 12:
   * 32; 8 to 5: 53 with {@code ONEDNN_MAX_CPU_ISA=AVX2}); for 16 to 16 it agreed. A scan of 3, 8,
   * 16 and 32 input channels against 1 to 48 output channels found it wrong for exactly the output
   * counts that are not a multiple of 16. The output and the weight and bias gradients were right.
   * This is what made the image autoencoder's pretraining (whose decoder narrows the channels)
   * produce NaN losses in about one test run in three.
   *
   * <p>So in training, when the layer's input needs a gradient and the output channels are not a
   * multiple of {@value #BLOCK}, the weight and bias are padded with zero filters up to the next
   * multiple, the padded convolution runs, and its extra output channels are dropped. The function
   * and the parameters are those of DJL's {@code Conv2d} (same shapes, same initialisation, same
   * saved form); the padded filters are constants, so they receive no gradient and the real ones
   * receive exactly theirs. Elsewhere (a layer reading the images, inference, a frozen layer) it is
   * the plain convolution, so the usual encoders (a first layer of any width, then multiples of 16)
   * compute exactly as before.
   */
  // Named Conv2d so that DJL names the layer's parameters as before ("01Conv2d_weight"): saved
  // models and weights files keep loading.
  static final class Conv2d extends ai.djl.nn.convolutional.Conv2d {

    /** Output channels are padded to a multiple of this (AVX-512's 16 floats; AVX2's 8 divides). */
    static final int BLOCK = 16;

    private final boolean inputNeedsGradient;

    /**
     * @param inputNeedsGradient whether, in training, the layer's input comes from trained layers
     *     (false for a layer that reads the images)
     */
    Conv2d(ai.djl.nn.convolutional.Conv2d.Builder builder, boolean inputNeedsGradient) {
      super(builder);
      this.inputNeedsGradient = inputNeedsGradient;
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray input = inputs.singletonOrThrow();
      int extra = (BLOCK - filters % BLOCK) % BLOCK;
      // DJL's NDArray cannot tell whether an intermediate result takes part in autograd, so the
      // layer's position decides.
      if (extra == 0 || !training || !inputNeedsGradient) {
        return super.forwardInternal(store, inputs, training, params);
      }
      NDArray w = store.getValue(weight, input.getDevice(), training);
      NDManager manager = input.getManager();
      Shape ws = w.getShape();
      Shape zeroFilters = new Shape(extra, ws.get(1), ws.get(2), ws.get(3));
      // Results of operations on a parameter belong to the parameter's manager; this batch's
      // manager frees them with the batch instead of at the end of the run.
      NDArray paddedWeight = w.concat(manager.zeros(zeroFilters, w.getDataType()));
      paddedWeight.attach(manager);
      NDArray paddedBias = null;
      if (includeBias) {
        NDArray b = store.getValue(bias, input.getDevice(), training);
        paddedBias = b.concat(manager.zeros(new Shape(extra), b.getDataType()));
        paddedBias.attach(manager);
      }
      NDArray out =
          ai.djl.nn.convolutional.Conv2d.conv2d(
                  input, paddedWeight, paddedBias, stride, padding, dilation, groups)
              .singletonOrThrow();
      return new NDList(out.get(":, :" + filters));
    }
  }
}
