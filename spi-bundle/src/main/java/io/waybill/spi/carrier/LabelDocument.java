package io.waybill.spi.carrier;

/**
 * A label as returned by a carrier.
 *
 * @param format  PDF or ZPL
 * @param content the raw document bytes
 */
public record LabelDocument(Format format, byte[] content) {
    /** Label encodings Waybill can print. */
    public enum Format { PDF, ZPL }
}
