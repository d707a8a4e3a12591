package io.waybill.print.internal;

import io.waybill.core.model.PackageDetail;
import io.waybill.spi.common.Address;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waybill's generated face sheet: store and package number, sender, recipient (any script, right-aligned when it
 * is right-to-left), Code 128 barcode with its text, order number and weight, then as many "SKU x qty" lines as
 * fit. Designed on a 100 mm wide label; on A4 it is drawn scaled up in a 100x150 proportioned box at the top.
 */
final class StandardLabelLayout implements LabelLayout {

    /** 100 mm in points. */
    static final float MM100 = 100f / 25.4f * 72f;
    private static final float MM150 = 150f / 25.4f * 72f;

    @Override
    public void draw(PdfCanvas c, PDRectangle page, LabelData label) {
        float pageW = page.getWidth();
        float pageH = page.getHeight();
        float s;
        float boxW;
        float boxH;
        if (pageW <= MM100 + 1) {
            s = pageW / MM100;
            boxW = pageW;
            boxH = pageH;
        } else { // A4 and other sheets: the 100x150 design scaled to fit, at the top
            s = Math.min(pageW / MM100, pageH / MM150) * 0.92f;
            boxW = MM100 * s;
            boxH = MM150 * s;
        }
        float x0 = (pageW - boxW) / 2;
        float top = pageH - (pageH - boxH) / (pageW <= MM100 + 1 ? 2 : 8);
        boolean square = boxH < boxW * 1.2f;
        float m = 8 * s;
        float left = x0 + m;
        float width = boxW - 2 * m;
        float y = top - m;

        if (pageW > MM100 + 1) {
            c.box(x0, top - boxH, boxW, boxH, 0.8f * s);
        }

        // header: store | package number
        float hs = 8 * s;
        c.text(label.storeName(), left, y - hs, hs, true, PdfCanvas.Align.LEFT, width);
        c.text(label.packageNo(), left + width, y - hs, hs, true, PdfCanvas.Align.RIGHT, width);
        y -= hs + 3 * s;
        c.rule(left, y, left + width, y, 0.8f * s);
        y -= 2 * s;

        // sender
        float small = 5.5f * s;
        float fs = 7 * s;
        c.text("FROM", left, y - small, small, true, PdfCanvas.Align.LEFT, width);
        y -= small + 1.5f * s;
        c.text(sender(label), left, y - fs, fs, false, PdfCanvas.Align.START, width);
        y -= fs + 3 * s;
        String street = senderStreet(label);
        if (!street.isEmpty()) {
            float ss = 6 * s;
            y += 1.5f * s;
            int n = c.paragraph(street, left, y, width, ss, false, ss * 1.2f, 2);
            y -= n * ss * 1.2f + 1.5f * s;
        }
        c.rule(left, y, left + width, y, 0.5f * s);
        y -= 2 * s;

        // recipient
        c.text("TO", left, y - small, small, true, PdfCanvas.Align.LEFT, width);
        y -= small + 1.5f * s;
        Address to = label.recipient();
        float ns = (square ? 10 : 11) * s;
        int nameLines = c.paragraph(to.name(), left, y, width, ns, true, ns * 1.15f, 2);
        y -= nameLines * ns * 1.15f + 1 * s;
        float as = (square ? 7.5f : 8.5f) * s;
        float leading = as * 1.2f;
        for (String line : addressLines(to)) {
            int n = c.paragraph(line, left, y, width, as, false, leading, 2);
            y -= n * leading;
        }
        String country = to.countryCode() == null ? "" : to.countryCode().toUpperCase(Locale.ROOT);
        c.text(country, left + width, y - as * 1.3f, as * 1.3f, true, PdfCanvas.Align.RIGHT, width);
        String phone = blank(to.phone()) ? "" : "Tel " + to.phone();
        c.text(phone, left, y - as, as, false, PdfCanvas.Align.LEFT, width);
        y -= as * 1.3f + 3 * s;
        c.rule(left, y, left + width, y, 0.8f * s);

        // barcode + text
        float barH = (square ? 36 : 56) * s;
        y -= 4 * s;
        c.code128(label.barcode(), x0 + boxW / 2, y - barH, width, barH, 1.6f * s);
        y -= barH + 2 * s;
        float bs = 9 * s;
        c.text(label.barcode(), x0 + boxW / 2, y - bs, bs, true, PdfCanvas.Align.CENTER, width);
        y -= bs + 3 * s;
        c.rule(left, y, left + width, y, 0.8f * s);
        y -= 2 * s;

        // order number and weight
        c.text("Order " + label.orderNo(), left, y - fs, fs, true, PdfCanvas.Align.LEFT, width);
        c.text(weight(label.weightGrams()), left + width, y - fs, fs, true, PdfCanvas.Align.RIGHT, width);
        y -= fs + 3 * s;

        // SKU x qty lines, as many as fit
        float ks = 6.5f * s;
        float kLeading = ks * 1.25f;
        float bottom = top - boxH + m;
        List<PackageDetail.Line> lines = label.lines();
        int room = (int) Math.floor((y - bottom) / kLeading);
        for (int i = 0; i < lines.size() && room > 0; i++) {
            boolean last = room == 1 && i < lines.size() - 1;
            String text = last ? "+ " + (lines.size() - i) + " more lines"
                    : lines.get(i).skuCode() + " x" + lines.get(i).quantity() + "  " + nz(lines.get(i).skuName());
            c.line(text, left, y - ks, ks, false, width);
            y -= kLeading;
            room--;
            if (last) {
                break;
            }
        }
    }

    static String sender(LabelData label) {
        if (label.sender() == null) {
            return nz(label.storeName());
        }
        String name = nz(label.sender().name());
        String country = nz(label.sender().countryCode());
        return country.isEmpty() ? name : name + ", " + country;
    }

    /** The sender's street address in one line (street, postal code and city, state, country), "" without one. */
    static String senderStreet(LabelData label) {
        Address a = label.sender() == null ? null : label.sender().address();
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>(5);
        for (String part : new String[] {a.line1(), a.line2(), join(a.postalCode(), a.city()), a.state(),
                a.countryCode()}) {
            if (!blank(part)) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    private static String join(String a, String b) {
        return blank(a) ? nz(b) : blank(b) ? a : a + " " + b;
    }

    static List<String> addressLines(Address a) {
        List<String> lines = new ArrayList<>(4);
        if (!blank(a.company())) {
            lines.add(a.company());
        }
        if (!blank(a.line1())) {
            lines.add(a.line1());
        }
        if (!blank(a.line2())) {
            lines.add(a.line2());
        }
        StringBuilder city = new StringBuilder();
        for (String part : new String[] {a.postalCode(), a.city(), a.state()}) {
            if (!blank(part)) {
                if (city.length() > 0) {
                    city.append(' ');
                }
                city.append(part.trim());
            }
        }
        if (city.length() > 0) {
            lines.add(city.toString());
        }
        return lines;
    }

    static String weight(int grams) {
        return io.waybill.core.model.Weights.format(grams);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
