/**
 * Evaluation of a trained model: inference passes, accuracy, missing-modality and cross-modal
 * retrieval, robustness, and the concept report; each evaluator returns small result records.
 *
 * <p>May depend on {@code config}, {@code data}, {@code model} and {@code analysis}. The rule
 * between {@code eval} and {@code analysis}: {@code eval} runs models and calls {@code analysis}
 * on the arrays it extracts; {@code analysis} never depends on {@code eval} (nor on any other
 * core package).
 */
package io.sharcs.core.eval;
