package io.waybill.core.model;

import io.waybill.spi.carrier.LabelDocument;

import java.time.Instant;

/**
 * The carrier's own label of a package, as fetched from the carrier once the package was tracked. Since 1.1.
 *
 * @param packageId package id
 * @param carrierId carrier plugin that supplied it
 * @param format    PDF (merged into label PDFs) or ZPL (sent raw to a thermal printer)
 * @param content   the document bytes, exactly as the carrier sent them
 * @param fetchedAt when it was fetched
 */
public record CarrierLabel(long packageId, String carrierId, LabelDocument.Format format, byte[] content,
                           Instant fetchedAt) {
}
