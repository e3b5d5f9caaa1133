/**
 * One run: loading the data set through the bound modalities, the staged run folder committed
 * atomically with {@code metrics.json} written last, the resolved config, provenance (versions,
 * git commit, processor, data set fingerprint), progress and the summary.
 */
package io.sharcs.runner.run;
