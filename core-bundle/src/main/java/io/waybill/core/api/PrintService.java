package io.waybill.core.api;

import io.waybill.core.model.LabelSize;

import java.util.List;
import java.util.Locale;

/**
 * Printable documents for seed step 3: the picking list and the carrier labels ("face sheets"). Implementations
 * only render; marking packages as printed is {@link FulfilmentService#markPrinted}, called after the operator
 * confirms the print succeeded.
 */
public interface PrintService {

    /**
     * One PDF listing the selected packages grouped for walking the warehouse (by bin location, then SKU), with
     * totals and a scannable Code 128 barcode of each package number.
     *
     * @param locale language of the headings (English or Simplified Chinese)
     * @throws OperationRefusedException empty selection or unknown packages
     */
    byte[] pickingList(List<Long> packageIds, Locale locale);

    /**
     * One PDF with one label per package, in picking order: the carrier's own label where the carrier supplied
     * a PDF, otherwise a generated label with a Code 128 barcode of the tracking number (or the package number
     * while none is issued), sender, recipient in any script, order number, SKUs and weight.
     *
     * @throws OperationRefusedException empty selection or unknown packages
     */
    byte[] labels(List<Long> packageIds, LabelSize size);
}
