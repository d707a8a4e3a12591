package io.waybill.print.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of PDF printing (configuration PID io.waybill.print). */
@ObjectClassDefinition(name = "Waybill printing", description = "Fonts used for picking lists and carrier labels")
public @interface PrintConfig {

    @AttributeDefinition(name = "CJK font file",
            description = "Path of a TrueType (.ttf/.ttc, glyf outlines) font with Chinese, Japanese and Korean "
                    + "glyphs. Empty: search the usual system locations (Droid Sans Fallback, WenQuanYi, ...).",
            required = false)
    String cjkFont() default "";
}
