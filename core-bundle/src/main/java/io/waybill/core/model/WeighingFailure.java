package io.waybill.core.model;

import java.time.Instant;

/**
 * A printed package whose last weighing at the scan station failed (outside its tolerance).
 *
 * @param packageId      id
 * @param packageNo      package number
 * @param expectedGrams  the expected weight
 * @param measuredGrams  the weight of the last weighing
 * @param toleranceGrams the tolerance that applies to the package now
 * @param weighedAt      when it was weighed
 */
public record WeighingFailure(long packageId, String packageNo, int expectedGrams, int measuredGrams,
                              int toleranceGrams, Instant weighedAt) {
}
