package org.parrotscope.eval;

/**
 * Typographic attack probe results.
 *
 * @param images number of attacked images
 * @param trueClassAccuracy fraction classified as their true class despite the written name
 * @param writtenClassRate fraction classified as the class written on them
 * @param cleanAccuracy accuracy on the same images without text, for reference
 */
public record TypographicResult(int images, double trueClassAccuracy, double writtenClassRate, double cleanAccuracy) {}
