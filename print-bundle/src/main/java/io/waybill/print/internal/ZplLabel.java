package io.waybill.print.internal;

import io.waybill.core.model.PackageDetail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Waybill's generated label in ZPL II, for packages whose carrier supplied no ZPL label: 100 x 150 mm at 203 dpi
 * (812 x 1218 dots), store and package number, sender, recipient, a Code 128 of the tracking number (or the package
 * number) with its text, order number, weight and the first SKU lines. Text is UTF-8 ({@code ^CI28}) in the
 * printer's scalable font {@code 0}, which has Latin, Greek and Cyrillic glyphs; a printer needs a downloaded font
 * for Chinese or Arabic. Field data is written with {@code ^FH} hex escapes, so no text can end a field early.
 */
final class ZplLabel {

    static final int WIDTH_DOTS = 812;
    static final int HEIGHT_DOTS = 1218;
    private static final int MAX_LINES = 6;

    private ZplLabel() {
    }

    static String of(LabelData label) {
        StringBuilder z = new StringBuilder(1024);
        z.append("^XA\n^CI28\n^PW").append(WIDTH_DOTS).append("\n^LL").append(HEIGHT_DOTS).append("\n^LH0,0\n");
        int y = 40;
        text(z, 40, y, 34, label.storeName());
        text(z, 480, y, 34, label.packageNo());
        y += 50;
        z.append("^FO40,").append(y).append("^GB732,3,3^FS\n");
        y += 20;
        if (label.sender() != null) {
            text(z, 40, y, 24, "FROM: " + label.sender().name() + ", " + label.sender().countryCode());
            y += 40;
            String street = StandardLabelLayout.senderStreet(label);
            if (!street.isEmpty()) {
                text(z, 40, y, 22, street);
                y += 36;
            }
        }
        text(z, 40, y, 24, "TO:");
        y += 34;
        var to = label.recipient();
        for (String line : new String[] {to.name(), to.company(), to.line1(), to.line2(),
                join(to.postalCode(), to.city(), to.state()), to.countryCode(), to.phone()}) {
            if (line != null && !line.isBlank()) {
                text(z, 60, y, 34, line);
                y += 42;
            }
        }
        y += 20;
        z.append("^FO40,").append(y).append("^GB732,3,3^FS\n");
        y += 40;
        // Code 128, subset chosen by the printer (^BC mode N), interpretation line printed below
        z.append("^FO60,").append(y).append("^BY3,3,200^BCN,200,Y,N,N^FD").append(code128(label.barcode()))
                .append("^FS\n");
        y += 290;
        z.append("^FO40,").append(y).append("^GB732,3,3^FS\n");
        y += 20;
        text(z, 40, y, 28, "ORDER " + label.orderNo());
        text(z, 480, y, 28, io.waybill.core.model.Weights.format(label.weightGrams()));
        y += 44;
        int shown = 0;
        for (PackageDetail.Line l : label.lines()) {
            if (shown == MAX_LINES) {
                text(z, 40, y, 24, "+ " + (label.lines().size() - shown) + " more lines");
                break;
            }
            text(z, 40, y, 24, l.skuCode() + " x" + l.quantity() + "  " + l.skuName());
            y += 32;
            shown++;
        }
        z.append("^XZ\n");
        return z.toString();
    }

    /** One line of text at (x, y) in font 0 of the given height, clipped to the label width. */
    private static void text(StringBuilder z, int x, int y, int height, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        z.append("^FO").append(x).append(',').append(y).append("^A0N,").append(height).append(',').append(height)
                .append("^FB").append(WIDTH_DOTS - x - 30).append(",1,0,L,0^FH_^FD").append(hex(value.strip()))
                .append("^FS\n");
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }

    /** Field data with the characters that control ZPL ({@code ^ ~ _} and control characters) as ^FH escapes. */
    static String hex(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '^' || ch == '~' || ch == '_' || ch < 0x20) {
                for (byte x : String.valueOf(ch).getBytes(StandardCharsets.UTF_8)) {
                    b.append('_').append(String.format(Locale.ROOT, "%02X", x & 0xff));
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Barcode data for ^BC: '>' starts an invocation code there, so a literal '>' is written "><"; ZPL control
     * characters cannot be encoded in a field without ^FH and are replaced by '?' (tracking numbers never have them).
     */
    static String code128(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2);
        for (char ch : value.toCharArray()) {
            if (ch == '>') {
                b.append("><");
            } else if (ch == '^' || ch == '~' || ch < 0x20 || ch > 0x7e) {
                b.append('?');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
