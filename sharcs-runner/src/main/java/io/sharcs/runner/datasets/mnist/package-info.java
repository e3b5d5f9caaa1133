/**
 * The MNIST data sets of the paper, built offline from the MNIST IDX files: {@code
 * mnist-superpixels} ({@link io.sharcs.runner.datasets.mnist.MnistSuperpixelsProvider}) and
 * {@code half-mnist} ({@link io.sharcs.runner.datasets.mnist.HalfMnistProvider}). The graphs are
 * SLIC superpixels of each digit ({@link io.sharcs.runner.datasets.mnist.Slic}) joined where they
 * touch ({@link io.sharcs.runner.datasets.mnist.SuperpixelGraph}), computed on two threads and
 * cached beside the data ({@link io.sharcs.runner.datasets.mnist.SuperpixelCache}).
 */
package io.sharcs.runner.datasets.mnist;
