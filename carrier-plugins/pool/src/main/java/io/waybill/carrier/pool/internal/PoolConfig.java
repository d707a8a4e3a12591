package io.waybill.carrier.pool.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the tracking-number pool carrier (configuration PID {@code io.waybill.carrier.pool}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = PoolCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface PoolConfig {

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default PoolCarrierGateway.DEFAULT_DISPLAY_NAME;

    @AttributeDefinition(name = "%lowWaterThreshold.name",
            description = "%lowWaterThreshold.description", min = "0")
    int lowWaterThreshold() default 500;

    @AttributeDefinition(name = "%ranges.name",
            description = "%ranges.description")
    String[] ranges() default {};
}
