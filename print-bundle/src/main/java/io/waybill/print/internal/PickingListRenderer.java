package io.waybill.print.internal;

import io.waybill.core.model.PackageDetail;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws the picking list on A4 pages: rows grouped by warehouse and bin location, then SKU, with the packages each
 * row is for; totals per SKU and overall; then every package in picking order with a Code 128 barcode of its
 * package number to scan at packing.
 */
final class PickingListRenderer {

    private static final float MARGIN = 36;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private final PDDocument document;
    private final DocumentFonts fonts;
    private final Messages text;
    private PdfCanvas canvas;
    private float y;
    private int pageNo;

    PickingListRenderer(PDDocument document, DocumentFonts fonts, Messages text) {
        this.document = document;
        this.fonts = fonts;
        this.text = text;
    }

    void render(PickingPlan plan) {
        newPage();
        float width = PAGE.getWidth() - 2 * MARGIN;
        canvas.text(text.get("title"), MARGIN, y - 18, 18, true, PdfCanvas.Align.LEFT, width);
        y -= 24;
        Map<String, Integer> totals = plan.totalsBySku();
        canvas.text(text.get("summary", plan.packages().size(), totals.size(), plan.totalUnits()), MARGIN, y - 10, 10,
                false, PdfCanvas.Align.LEFT, width);
        y -= 20;

        // bins
        float[] col = {MARGIN, MARGIN + 70, MARGIN + 160, MARGIN + 330, MARGIN + 365};
        header(col, text.get("bin"), text.get("sku"), text.get("name"), text.get("qty"), text.get("packages"));
        String warehouse = null;
        for (PickingPlan.BinRow row : plan.binRows()) {
            if (row.warehouseCode() != null && !row.warehouseCode().equals(warehouse)) {
                warehouse = row.warehouseCode();
                need(16);
                canvas.text(text.get("warehouse") + " " + warehouse, MARGIN, y - 10, 9, true, PdfCanvas.Align.LEFT,
                        width);
                y -= 14;
            }
            String packages = row.picks().stream()
                    .map(p -> p.pkg().row().packageNo() + (p.quantity() > 1 ? " x" + p.quantity() : ""))
                    .collect(Collectors.joining(", "));
            var lines = canvas.wrap(packages, PAGE.getWidth() - MARGIN - col[4], 8, false, 20);
            float rowH = Math.max(13, lines.size() * 10 + 3);
            need(rowH);
            float base = y - 10;
            canvas.text(row.location() == null ? text.get("noBin") : row.location(), col[0], base, 9, true,
                    PdfCanvas.Align.LEFT, 0);
            canvas.text(row.skuCode(), col[1], base, 9, false, PdfCanvas.Align.LEFT, 0);
            canvas.text(clip(row.skuName(), col[3] - col[2] - 6, 8), col[2], base, 8, false, PdfCanvas.Align.LEFT, 0);
            canvas.text(Integer.toString(row.quantity()), col[4] - 8, base, 9, true, PdfCanvas.Align.RIGHT, 0);
            float ly = base;
            for (String line : lines) {
                canvas.text(line, col[4], ly, 8, false, PdfCanvas.Align.LEFT, 0);
                ly -= 10;
            }
            y -= rowH;
            canvas.rule(MARGIN, y + 2, PAGE.getWidth() - MARGIN, y + 2, 0.2f);
        }
        y -= 12;

        // totals per SKU
        need(40);
        canvas.text(text.get("skuTotals"), MARGIN, y - 12, 12, true, PdfCanvas.Align.LEFT, width);
        y -= 18;
        header(col, "", text.get("sku"), text.get("name"), text.get("qty"), "");
        Map<String, String> names = plan.picks().stream().collect(Collectors.toMap(PickingPlan.Pick::skuCode,
                p -> p.skuName() == null ? "" : p.skuName(), (a, b) -> a));
        for (Map.Entry<String, Integer> total : totals.entrySet()) {
            need(13);
            canvas.text(total.getKey(), col[1], y - 10, 9, false, PdfCanvas.Align.LEFT, 0);
            canvas.text(clip(names.get(total.getKey()), col[3] - col[2] - 6, 8), col[2], y - 10, 8, false,
                    PdfCanvas.Align.LEFT, 0);
            canvas.text(Integer.toString(total.getValue()), col[4] - 8, y - 10, 9, true, PdfCanvas.Align.RIGHT, 0);
            y -= 13;
        }
        need(16);
        canvas.rule(MARGIN, y + 1, PAGE.getWidth() - MARGIN, y + 1, 0.6f);
        canvas.text(text.get("total"), col[1], y - 11, 10, true, PdfCanvas.Align.LEFT, 0);
        canvas.text(Integer.toString(plan.totalUnits()), col[4] - 8, y - 11, 10, true, PdfCanvas.Align.RIGHT, 0);
        y -= 24;

        // packages with barcodes
        need(80);
        canvas.text(text.get("packageList"), MARGIN, y - 12, 12, true, PdfCanvas.Align.LEFT, width);
        y -= 20;
        int seq = 1;
        for (PackageDetail pkg : plan.packages()) {
            float h = 62;
            need(h);
            String packageNo = pkg.row().packageNo();
            canvas.text(seq++ + ".", MARGIN, y - 12, 10, true, PdfCanvas.Align.LEFT, 0);
            canvas.code128(packageNo, MARGIN + 20 + 95, y - 44, 190, 40, 1.4f);
            canvas.text(packageNo, MARGIN + 20 + 95, y - 55, 8, false, PdfCanvas.Align.CENTER, 0);
            float tx = MARGIN + 230;
            float tw = PAGE.getWidth() - MARGIN - tx;
            canvas.text(packageNo + "   " + text.get("order") + " " + pkg.row().orderNo(), tx, y - 12, 9, true,
                    PdfCanvas.Align.LEFT, tw);
            canvas.text(clip(pkg.shipTo().name(), tw, 9), tx, y - 25, 9, false, PdfCanvas.Align.START, tw);
            // a bundle shows what it is picked as: KIT x2 (A x4 + C x2)
            String items = pkg.lines().stream().map(l -> l.skuCode() + " x" + l.quantity() + (l.bundle() ? " ("
                    + l.components().stream().map(c -> c.skuCode() + " x" + c.quantity())
                    .collect(Collectors.joining(" + ")) + ")" : ""))
                    .collect(Collectors.joining(", "));
            var itemLines = canvas.wrap(items, tw, 8, false, 2);
            float iy = y - 37;
            for (String line : itemLines) {
                canvas.text(line, tx, iy, 8, false, PdfCanvas.Align.LEFT, tw);
                iy -= 10;
            }
            y -= h;
            canvas.rule(MARGIN, y + 3, PAGE.getWidth() - MARGIN, y + 3, 0.2f);
        }
        canvas.close();
    }

    private void header(float[] col, String... titles) {
        need(30);
        for (int i = 0; i < titles.length; i++) {
            boolean qty = i == 3;
            canvas.text(titles[i], qty ? col[4] - 8 : col[i], y - 10, 9, true,
                    qty ? PdfCanvas.Align.RIGHT : PdfCanvas.Align.LEFT, 0);
        }
        y -= 13;
        canvas.rule(MARGIN, y + 1, PAGE.getWidth() - MARGIN, y + 1, 0.8f);
        y -= 2;
    }

    private String clip(String value, float width, float size) {
        var lines = canvas.wrap(value == null ? "" : value, width, size, false, 1);
        return lines.isEmpty() ? "" : lines.get(0);
    }

    private void need(float height) {
        if (y - height < MARGIN + 14) {
            newPage();
        }
    }

    private void newPage() {
        if (canvas != null) {
            canvas.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try {
            canvas = new PdfCanvas(new PDPageContentStream(document, page), fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pageNo++;
        canvas.text(text.get("page", pageNo), PAGE.getWidth() - MARGIN, MARGIN - 4, 8, false, PdfCanvas.Align.RIGHT,
                0);
        y = PAGE.getHeight() - MARGIN;
    }
}
