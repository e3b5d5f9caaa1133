package com.example.series;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.nn.Layers;

/** The local concept encoder of a series: a 1-D convolution, max over time, a linear layer. */
final class SeriesEncoder {

  private SeriesEncoder() {}

  /**
   * An encoder from (B, 1, length) to (B, {@code context.outputs()}): {@code filters} detectors
   * of a pattern {@code kernel} steps wide, each reporting its strongest response anywhere in the
   * series, mixed linearly into the k concept pre-activations.
   */
  static Block create(SeriesOptions options, SeriesShape shape, EncoderContext context) {
    return new SequentialBlock()
        .add(Conv1d.builder()
            .setKernelShape(new Shape(options.kernel()))
            .setFilters(options.filters())
            .build())
        .add(Activation::relu)
        // (B, filters, time) -> (B, filters): where a pattern occurs does not matter.
        .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().max(new int[] {2})),
            "max-over-time"))
        .add(Layers.linear(options.filters(), context.outputs()));
  }
}
