/**
 * Report pages: a document model that knows nothing of SHARCS ({@link
 * io.sharcs.runner.report.ReportDocument}: sections of paragraphs, key/values, tables with picture
 * cells, figures and galleries of SVG or PNG {@link io.sharcs.runner.report.Picture}s) and {@link
 * io.sharcs.runner.report.ReportWriter}, which renders it as one self-contained, escaped,
 * deterministic HTML page plus one file per figure. The figures themselves are drawn by {@code
 * io.sharcs.runner.report.chart}.
 */
package io.sharcs.runner.report;
