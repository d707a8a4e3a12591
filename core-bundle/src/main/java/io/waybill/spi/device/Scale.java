package io.waybill.spi.device;

import io.waybill.spi.common.PluginDescriptor;

/**
 * A weighing scale at a packing station. Implementations report problems as {@link DeviceStatus} data and never
 * block longer than their configured timeout.
 */
public interface Scale {

    /** Identity of this scale model plugin. */
    PluginDescriptor descriptor();

    /** Current status (ONLINE, or OFFLINE with the reason). */
    DeviceStatus status();

    /** Reads a weight. A reading that is not stable is returned with {@code stable == false}; it never counts. */
    WeightReading read();
}
