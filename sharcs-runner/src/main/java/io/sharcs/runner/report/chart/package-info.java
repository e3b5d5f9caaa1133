/**
 * Figures as plain, deterministic SVG: {@link io.sharcs.runner.report.chart.SvgWriter} and the
 * charts built on it (line, scatter with thumbnails, heatmap, error bars, tree), each a record of
 * its data with {@code toSvg()} and {@code toPicture(alt)}, coloured with the colour-blind-safe
 * Okabe-Ito {@link io.sharcs.runner.report.chart.Palette}.
 */
package io.sharcs.runner.report.chart;
