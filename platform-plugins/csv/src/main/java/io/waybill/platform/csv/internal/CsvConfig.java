package io.waybill.platform.csv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the CSV order-file parser (configuration PID {@code io.waybill.platform.csv}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%ocd.name",
        description = "%ocd.description")
public @interface CsvConfig {

    @AttributeDefinition(name = "%zone.name",
            description = "%zone.description",
            required = false)
    String zone() default "";
}
