package io.waybill.core.model;

/**
 * Why a package is held for review (status {@link PackageStatus#HELD}, the "To review" tab): the reason of the
 * logistics rule that held it, and that rule's name. Since 1.10.
 *
 * @param packageId the package
 * @param reason    the rule's hold reason, as the rule states it (e.g. {@code IOSS number missing})
 * @param ruleName  the rule that held it
 */
public record PackageHold(long packageId, String reason, String ruleName) {
}
