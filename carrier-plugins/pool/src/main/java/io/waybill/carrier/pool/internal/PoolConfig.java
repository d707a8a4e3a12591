package io.waybill.carrier.pool.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the tracking-number pool carrier (configuration PID {@code io.waybill.carrier.pool}). */
@ObjectClassDefinition(id = PoolCarrierGateway.PID, name = "Tracking-number pool (UPU S10)",
        description = "Hands out UPU S10 tracking numbers from ranges your postal operator issued to you.")
public @interface PoolConfig {

    @AttributeDefinition(name = "Display name", description = "Name of this carrier as operators see it.")
    String displayName() default PoolCarrierGateway.DEFAULT_DISPLAY_NAME;

    @AttributeDefinition(name = "Low-water warning",
            description = "Warn with each shipment once fewer than this many numbers are left for its service "
                    + "indicator. 0 turns the warning off.", min = "0")
    int lowWaterThreshold() default 500;

    @AttributeDefinition(name = "Ranges",
            description = "Ranges issued by the postal operator, used in this order: 2-letter service indicator, "
                    + "first serial, '-', last serial (8 digits each, without check digit), 2-letter country, "
                    + "e.g. RR10000000-10009999CN. One per entry, or several separated by commas.")
    String[] ranges() default {};
}
