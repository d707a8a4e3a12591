package io.waybill.print.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of PDF printing (configuration PID io.waybill.print). */
@ObjectClassDefinition(name = "Waybill printing", description = "Fonts used for picking lists and carrier labels, "
        + "and the network label printer for ZPL")
public @interface PrintConfig {

    @AttributeDefinition(name = "CJK font file",
            description = "Path of a TrueType (.ttf/.ttc, glyf outlines) font with Chinese, Japanese and Korean "
                    + "glyphs. Empty: search the usual system locations (Droid Sans Fallback, WenQuanYi, ...).",
            required = false)
    String cjkFont() default "";

    @AttributeDefinition(name = "Emoji and symbol font file",
            description = "Path of a TrueType font with monochrome emoji, symbols and mathematical letters "
                    + "(Symbola). Empty: search the usual system locations (Debian fonts-symbola, ...).",
            required = false)
    String symbolFont() default "";

    @AttributeDefinition(name = "Label printer (ZPL)",
            description = "host or host:port of a network thermal printer that takes ZPL over raw TCP (port 9100 "
                    + "by default). Empty: no label printer; ZPL labels can still be written to a file.",
            required = false)
    String zplPrinter() default "";

    @AttributeDefinition(name = "CN22 limit per currency",
            description = "Printed after the label of a postal item (UPU S10 number) that crosses a border, the CN22 "
                    + "customs declaration is for values up to 300 SDR; above, the CN23 is printed. "
                    + "One CODE=amount entry per currency: 300 SDR in that currency (rounded down). A declaration "
                    + "in a currency without an entry gets the CN23, which is valid for any value.",
            required = false)
    String[] cn22Limits() default {"XDR=300", "USD=390", "EUR=345", "GBP=295", "CNY=2850", "HKD=3050", "JPY=58000",
        "AUD=600", "CAD=540"};
}
