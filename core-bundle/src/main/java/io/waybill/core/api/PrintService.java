package io.waybill.core.api;

import io.waybill.core.model.LabelSize;

import java.util.List;
import java.util.Locale;

/**
 * Printable documents for workflow step 3 (docs/workflow.md): the picking list and the carrier labels ("face sheets"). Implementations
 * only render; marking packages as printed is {@link FulfilmentService#markPrinted}, called after the operator
 * confirms the print succeeded.
 */
public interface PrintService {

    /**
     * The characters of {@code text} that no installed font can draw on a label, as distinct code points in order
     * of appearance (empty when the whole text prints). Joiners, variation selectors and other invisible format
     * characters are never reported: they are not drawn. The core refuses an order whose recipient or address holds
     * such a character, so a parcel never leaves with a garbled recipient. Since 1.3; the default (an
     * implementation that cannot tell) reports nothing.
     */
    default java.util.List<Integer> unprintable(String text) {
        return java.util.List.of();
    }

    /**
     * One PDF listing the selected packages grouped for walking the warehouse (by bin location, then SKU), with
     * totals and a scannable Code 128 barcode of each package number.
     *
     * @param locale language of the headings (English or Simplified Chinese)
     * @throws NotPrintableException a package holds no stock ({@link PrintRules}); nothing is rendered
     * @throws OperationRefusedException empty selection or unknown packages
     */
    byte[] pickingList(List<Long> packageIds, Locale locale);

    /**
     * One PDF with one label per package, in picking order: the carrier's own label where the carrier supplied
     * a PDF (its first page, scaled to fit the size), otherwise a generated label with a Code 128 barcode of the tracking number (or the package number
     * while none is issued), sender, recipient in any script, order number, SKUs and weight.
     *
     * @throws NotPrintableException a package has no tracking number or is voided ({@link PrintRules}); nothing is
     *                               rendered
     * @throws OperationRefusedException empty selection, unknown packages, or text no installed font can draw
     *                                   ({@code unprintable_text})
     */
    byte[] labels(List<Long> packageIds, LabelSize size);

    /**
     * The labels as ZPL II for a thermal printer, one label format ({@code ^XA ... ^XZ}) per package in picking
     * order: the carrier's own label where the carrier supplied ZPL, otherwise a generated 100 x 150 mm label with
     * a Code 128 of the tracking number (or the package number). Since 1.1.
     *
     * @throws NotPrintableException as {@link #labels}
     * @throws OperationRefusedException empty selection, unknown packages, or an implementation without ZPL
     */
    default byte[] zplLabels(List<Long> packageIds) {
        throw new OperationRefusedException("unsupported", "This print service cannot write ZPL.");
    }

    /**
     * Sends {@link #zplLabels} to a network label printer over raw TCP (port 9100 unless given) and returns what
     * was sent, e.g. "Sent 3 labels (2,114 bytes) to 10.0.0.5:9100". Since 1.1.
     *
     * @param printer {@code host} or {@code host:port}; null or blank: the configured label printer
     * @throws OperationRefusedException no printer configured ({@code no_label_printer}), printer not reachable
     *                                   ({@code printer_unreachable}), or the refusals of {@link #zplLabels}
     */
    default String sendZpl(List<Long> packageIds, String printer) {
        throw new OperationRefusedException("unsupported", "This print service cannot send ZPL to a printer.");
    }
}
