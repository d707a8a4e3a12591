package io.waybill.core.model;

/**
 * What the scan station shows after a scan: the package, the weight check and whether it shipped.
 *
 * @param outcome         PASS (weight within tolerance), WEIGHT_FAIL, NO_WEIGHT (no stable reading) or REFUSED
 * @param code            reason code when refused: unknown_package, not_printed, already_shipped, voided, ...
 * @param message         text for the operator, in English (the UI translates by code where it can)
 * @param packageId       package id, or null when unknown
 * @param packageNo       package number, or null
 * @param trackingNo      tracking number, or null
 * @param expectedGrams   expected gross weight (SKU weights + packaging)
 * @param measuredGrams   weight read from the scale, or null
 * @param toleranceGrams  allowed difference for this package
 * @param shipped         whether the package was shipped by this call
 * @param reason          a refusal as data (its code may differ from {@code code}, which stays the scan's own), so a
 *                        user interface renders it whole in the user's language; null when there is none. Since 1.11.
 */
public record ScanResult(Outcome outcome, String code, String message, Long packageId, String packageNo,
                         String trackingNo, Integer expectedGrams, Integer measuredGrams, Integer toleranceGrams,
                         boolean shipped, Reason reason) {
    /** Verdict of a scan. */
    public enum Outcome { PASS, WEIGHT_FAIL, NO_WEIGHT, REFUSED }

    /** The 1.12 form, without a structured reason. */
    public ScanResult(Outcome outcome, String code, String message, Long packageId, String packageNo,
                      String trackingNo, Integer expectedGrams, Integer measuredGrams, Integer toleranceGrams,
                      boolean shipped) {
        this(outcome, code, message, packageId, packageNo, trackingNo, expectedGrams, measuredGrams, toleranceGrams,
                shipped, null);
    }

    public static ScanResult refused(String code, String message, Long packageId, String packageNo) {
        return new ScanResult(Outcome.REFUSED, code, message, packageId, packageNo, null, null, null, null, false);
    }

    /** A refusal as data: the message is the reason's English sentence. Since 1.11. */
    public static ScanResult refused(String code, Reason reason, Long packageId, String packageNo) {
        return new ScanResult(Outcome.REFUSED, code, reason.english(), packageId, packageNo, null, null, null, null,
                false, reason);
    }
}
