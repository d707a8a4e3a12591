package io.waybill.platform.csv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the CSV order-file parser (configuration PID {@code io.waybill.platform.csv}). */
@ObjectClassDefinition(name = "Order files (CSV)",
        description = "How Waybill reads CSV order exports from marketplaces and spreadsheets.")
public @interface CsvConfig {

    @AttributeDefinition(name = "Time zone of order dates",
            description = "Time zone of order dates written without an offset (e.g. 2024-05-01 14:30), as a zone"
                    + " id like Asia/Shanghai or an offset like +08:00. Empty: the time zone of the server.",
            required = false)
    String zone() default "";
}
