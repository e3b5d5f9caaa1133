/**
 * A run's explanations as files and as answers: {@code explanations.json} (the concept
 * catalogue, the concept trees with their rules, the examples) written into every run folder of a
 * concept model, read back by {@code sharcs explain} to explain one sample with the saved model.
 */
package io.sharcs.runner.explain;
