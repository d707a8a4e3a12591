package io.waybill.print.internal;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.common.Address;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the UPU customs declaration CN22 or CN23 (Letter Post Regulations, RL 241) after a package's label: title
 * and form number, designated operator, "may be opened officially", the category boxes, the contents table with its
 * numbered UPU captions (quantity and description, weight, value, HS tariff number, country of origin), totals, the
 * sender's customs references (IOSS, VOEC, EORI, VAT), the certification and the date and signature. A CN23 also
 * shows sender and addressee and the invoice (order) number. Captions are English with Chinese, as the forms of
 * China Post; the contents in any script. Designed on a 100 mm wide label like {@link StandardLabelLayout}; on A4
 * it is drawn scaled up in a 100x150 proportioned box at the top. Lines that do not fit continue on the next page.
 */
final class CustomsFormLayout {

    private static final float MM100 = StandardLabelLayout.MM100;
    private static final float MM150 = 150f / 25.4f * 72f;
    static final String CERTIFICATION = "I, the undersigned, whose name and address are given on the item, certify "
            + "that the particulars given in this declaration are correct and that this item does not contain any "
            + "dangerous article or articles prohibited by legislation or by postal or customs regulations. "
            + "本人保证上述申报准确无误，本邮件内未装寄法律或邮政和海关规章禁止寄递的任何危险物品。";

    /**
     * Draws one page of the form, starting with line {@code first} of the declaration; returns the index of the
     * first line not drawn, the number of lines when only the totals and the certification are left for the next
     * page, and the number of lines + 1 when the form is complete.
     */
    int draw(PdfCanvas c, PDRectangle page, CustomsForm f, int first) {
        float pageW = page.getWidth();
        float pageH = page.getHeight();
        boolean label = pageW <= MM100 + 1;
        float s = label ? pageW / MM100 : Math.min(pageW / MM100, pageH / MM150) * 0.92f;
        float boxW = label ? pageW : MM100 * s;
        float boxH = label ? pageH : MM150 * s;
        float x0 = (pageW - boxW) / 2;
        float top = label ? pageH : pageH - (pageH - boxH) / 8;
        float m = 6 * s;
        float left = x0 + m;
        float width = boxW - 2 * m;
        float bottom = top - boxH + m;
        float y = top - m;
        c.box(x0 + 2 * s, top - boxH + 2 * s, boxW - 4 * s, boxH - 4 * s, 0.8f * s);
        boolean cn23 = f.form() == CustomsForm.Form.CN23;
        PackageDeclaration d = f.declaration();

        // title
        float ts = 8 * s;
        c.text("CUSTOMS DECLARATION", left, y - ts, ts, true, PdfCanvas.Align.LEFT, width);
        c.text(f.form().title, left + width, y - 13 * s, 13 * s, true, PdfCanvas.Align.RIGHT, width);
        y -= ts + 2 * s;
        c.text("报关单" + (first > 0 ? "  (continued 续)" : ""), left, y - 7 * s, 7 * s, true,
                PdfCanvas.Align.LEFT, width);
        y -= 7 * s + 2.5f * s;
        float small = 4.6f * s;
        c.text("Designated operator 指定经营者: " + nz(f.operator()), left, y - small, small, false,
                PdfCanvas.Align.LEFT, width * 0.55f);
        c.text("May be opened officially 可以径行开拆", left + width, y - small, small, false,
                PdfCanvas.Align.RIGHT, width);
        y -= small + 2 * s;
        c.rule(left, y, left + width, y, 0.6f * s);

        if (first == 0) {
            if (cn23) {
                y = party(c, "From 寄件人", sender(f), senderAddress(f), left, y, width, s);
                y = party(c, "To 收件人", f.recipient() == null ? "" : nz(f.recipient().name()),
                        address(f.recipient()), left, y, width, s);
            }
            y = categories(c, d.category(), left, y, width, s, cn23);
        }

        // the contents table
        float[] cols = cn23 ? new float[] {0.36f, 0.08f, 0.12f, 0.16f, 0.16f, 0.12f}
                : new float[] {0.46f, 0.13f, 0.16f, 0.14f, 0.11f};
        String[][] head = cn23
                ? new String[][] {{"Detailed description of contents (1)", "内件详细名称"}, {"Qty (2)", "数量"},
                    {"Net weight kg (3)", "净重"}, {"Value (5)", "价值"}, {"HS tariff no. (7)", "税则号列"},
                    {"Origin (8)", "原产国"}}
                : new String[][] {{"Quantity and detailed description of contents (1)", "内件详细名称和数量"},
                    {"Weight kg (2)", "重量"}, {"Value (3)", "价值"}, {"HS tariff no. (4)", "税则号列"},
                    {"Origin (5)", "原产国"}};
        float hs = 3.9f * s;
        y -= 1.5f * s;
        float x = left;
        for (int i = 0; i < cols.length; i++) {
            float w = cols[i] * width;
            c.paragraph(head[i][0], x + s, y, w - 2 * s, hs, true, hs * 1.15f, 2);
            c.text(head[i][1], x + s, y - 2 * hs * 1.15f - hs, hs, true, PdfCanvas.Align.LEFT, w - 2 * s);
            x += w;
        }
        y -= 3 * hs * 1.15f + 1.5f * s;
        c.rule(left, y, left + width, y, 0.5f * s);

        float fs = 5.4f * s;
        float lead = fs * 1.2f;
        float finalBlock = (cn23 ? 64 : 58) * s;
        List<PackageDeclaration.Line> lines = d.lines();
        float limit = bottom + 6 * s;
        int next = first;
        while (next < lines.size()) {
            PackageDeclaration.Line l = lines.get(next);
            float rowH = (l.descriptionZh() == null ? 1 : 2) * lead + 2 * s;
            if (y - rowH < limit && next > first) {
                break; // continues on the next page (a page always takes at least one line)
            }
            row(c, l, cn23, cols, left, y, width, fs, lead, s);
            y -= rowH;
            c.rule(left, y, left + width, y, 0.3f * s);
            next++;
        }
        footer(c, f, left, bottom, width, s);
        if (next == lines.size() && y - finalBlock >= bottom) {
            finish(c, f, left, y, width, s, cn23);
            return lines.size() + 1;
        }
        return next; // lines or the totals continue on the next page
    }

    private static void row(PdfCanvas c, PackageDeclaration.Line l, boolean cn23, float[] cols, float left,
                            float y, float width, float fs, float lead, float s) {
        float x = left;
        String en = nz(l.descriptionEn()).isEmpty() ? l.sku() : l.descriptionEn();
        String description = cn23 ? en : l.quantity() + " × " + en;
        List<String> cells = new ArrayList<>();
        cells.add(description);
        if (cn23) {
            cells.add(Integer.toString(l.quantity()));
        }
        cells.add(kilograms((long) l.netWeightGrams() * l.quantity()));
        cells.add(l.unitValue() == null ? "" : money(l.lineValue(), l.currency()));
        cells.add(nz(l.hsCode()));
        cells.add(nz(l.originCountry()));
        for (int i = 0; i < cells.size(); i++) {
            float w = cols[i] * width;
            c.text(ellipsis(c, cells.get(i), w - 2 * s, fs), x + s, y - fs - s, fs, false, PdfCanvas.Align.START,
                    w - 2 * s);
            if (i == 0 && l.descriptionZh() != null) {
                c.text(ellipsis(c, l.descriptionZh(), w - 2 * s, fs), x + s, y - fs - lead - s, fs, false,
                        PdfCanvas.Align.START, w - 2 * s);
            }
            x += w;
        }
    }

    private void finish(PdfCanvas c, CustomsForm f, float left, float y, float width, float s, boolean cn23) {
        PackageDeclaration d = f.declaration();
        float fs = 5.4f * s;
        y -= 2 * s;
        long net = 0;
        for (PackageDeclaration.Line l : d.lines()) {
            net += (long) l.netWeightGrams() * l.quantity();
        }
        String weight = cn23 ? "Total gross weight kg (4) 总毛重: " + kilograms(f.grossGrams())
                : "Total weight kg (6) 总重量: " + kilograms(Math.max(net, f.grossGrams()));
        String currency = d.currency() == null ? String.join("/", d.currencies()) : d.currency();
        String value = (cn23 ? "Total value (6) 总价值: " : "Total value (7) 总价值: ") + money(d.total(), currency);
        c.text(weight, left, y - fs, fs, true, PdfCanvas.Align.LEFT, width / 2);
        c.text(value, left + width, y - fs, fs, true, PdfCanvas.Align.RIGHT, width / 2);
        y -= fs + 2.5f * s;
        c.rule(left, y, left + width, y, 0.5f * s);
        float small = 4.6f * s;
        y -= 1.5f * s;
        int n = c.paragraph("Sender's customs reference 寄件人海关编码: " + taxIds(d.taxIds()), left, y, width,
                small, false, small * 1.2f, 2);
        y -= n * small * 1.2f + 1 * s;
        if (cn23) {
            c.text("Importer's reference 收件人海关编码: ", left, y - small, small, false, PdfCanvas.Align.LEFT,
                    width / 2);
            c.text("Invoice (13) 发票: " + nz(f.orderNo()), left + width, y - small, small, false,
                    PdfCanvas.Align.RIGHT, width / 2);
            y -= small + 1.5f * s;
        }
        float cs = 3.9f * s;
        n = c.paragraph(CERTIFICATION, left, y, width, cs, false, cs * 1.2f, 6);
        y -= n * cs * 1.2f + 2 * s;
        c.text((cn23 ? "Date and sender's signature (15) " : "Date and sender's signature (8) ") + "日期和寄件人签名: "
                + f.date() + "   " + sender(f), left, y - small, small, true, PdfCanvas.Align.LEFT, width);
        y -= small + 1.5f * s;
        c.rule(left + width * 0.45f, y - 4 * s, left + width, y - 4 * s, 0.4f * s);
    }

    private static void footer(PdfCanvas c, CustomsForm f, float left, float bottom, float width, float s) {
        float fs = 4.6f * s;
        c.text(f.packageNo() + (f.trackingNo() == null ? "" : "  " + f.trackingNo()), left, bottom, fs, false,
                PdfCanvas.Align.LEFT, width);
    }

    private static float party(PdfCanvas c, String caption, String name, String address, float left, float y,
                               float width, float s) {
        float small = 4.6f * s;
        float fs = 5.4f * s;
        y -= 1.5f * s;
        c.text(caption, left, y - small, small, true, PdfCanvas.Align.LEFT, width);
        float indent = Math.max(22 * s, c.width(caption, small, true) + 3 * s);
        c.text(name, left + indent, y - small, fs, true, PdfCanvas.Align.LEFT, width - indent);
        y -= small + 1.5f * s;
        if (!address.isEmpty()) {
            int n = c.paragraph(address, left + indent, y, width - indent, small, false, small * 1.2f, 2);
            y -= n * small * 1.2f;
        }
        y -= 1.5f * s;
        c.rule(left, y, left + width, y, 0.4f * s);
        return y;
    }

    private static float categories(PdfCanvas c, CustomsDeclaration.Category chosen, float left, float y,
                                    float width, float s, boolean cn23) {
        Object[][] boxes = {{CustomsDeclaration.Category.GIFT, "Gift 礼品"},
            {CustomsDeclaration.Category.DOCUMENTS, "Documents 文件"},
            {CustomsDeclaration.Category.SAMPLE, "Commercial sample 商品货样"},
            {CustomsDeclaration.Category.RETURNED_GOODS, "Returned goods 退回货物"},
            {CustomsDeclaration.Category.MERCHANDISE, "Sale of goods 销售货物"}, {null, "Other 其他"}};
        float small = 4.6f * s;
        float b = 4.5f * s;
        y -= 1.5f * s;
        c.text(cn23 ? "Category of item (10) 邮件种类" : "Category of item 邮件种类", left, y - small, small, true,
                PdfCanvas.Align.LEFT, width);
        y -= small + 2 * s;
        float colW = width / 3;
        for (int i = 0; i < boxes.length; i++) {
            float x = left + (i % 3) * colW;
            float rowY = y - (i / 3) * (b + 2.5f * s);
            c.box(x, rowY - b, b, b, 0.5f * s);
            if (boxes[i][0] == chosen) {
                c.text("X", x + b / 2, rowY - b + 0.8f * s, b, true, PdfCanvas.Align.CENTER, b);
            }
            c.text((String) boxes[i][1], x + b + 1.5f * s, rowY - b + 0.6f * s, small, false, PdfCanvas.Align.LEFT,
                    colW - b - 2 * s);
        }
        y -= 2 * (b + 2.5f * s) + 0.5f * s;
        c.rule(left, y, left + width, y, 0.5f * s);
        return y;
    }

    private static String sender(CustomsForm f) {
        if (f.sender() != null && f.sender().address() != null && !nz(f.sender().address().name()).isEmpty()) {
            return f.sender().address().name();
        }
        return nz(f.storeName());
    }

    private static String senderAddress(CustomsForm f) {
        return f.sender() == null ? "" : address(f.sender().address());
    }

    private static String address(Address a) {
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.countryCode()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return String.join(", ", parts);
    }

    private static String taxIds(CustomsDeclaration.TaxIds ids) {
        List<String> parts = new ArrayList<>();
        if (!ids.ioss().isEmpty()) {
            parts.add("IOSS " + ids.ioss());
        }
        if (!ids.voec().isEmpty()) {
            parts.add("VOEC " + ids.voec());
        }
        if (!ids.eori().isEmpty()) {
            parts.add("EORI " + ids.eori());
        }
        if (!ids.vat().isEmpty()) {
            parts.add("VAT " + ids.vat());
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    static String kilograms(long grams) {
        return BigDecimal.valueOf(grams).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString() + (currency == null || currency.isEmpty() ? "" : " " + currency);
    }

    private static String ellipsis(PdfCanvas c, String text, float width, float size) {
        if (c.width(text, size, false) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && c.width(cut + "…", size, false) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
        }
        return cut + "…";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
