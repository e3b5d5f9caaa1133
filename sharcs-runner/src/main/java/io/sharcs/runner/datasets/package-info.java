/**
 * The built-in data sets, one package each ({@code xor}, {@code clevr}), as {@link
 * io.sharcs.api.DatasetProvider}s: they build their samples as JSON trees, numbers, strings or
 * file paths and read them with {@link io.sharcs.api.DatasetContext#readers()}, so they need no
 * plugin class. {@link io.sharcs.runner.datasets.DatasetDigest} fingerprints generated data.
 */
package io.sharcs.runner.datasets;
