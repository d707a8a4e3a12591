package io.waybill.print.internal;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws one carrier label on one page. A layout gets the page size (100x100 mm, 100x150 mm or A4) and must fit its
 * content into it; new layouts (e.g. a carrier's own face sheet design) implement this and are chosen in
 * {@link PdfPrintService#layoutFor}.
 */
interface LabelLayout {

    void draw(PdfCanvas canvas, PDRectangle page, LabelData label);
}
