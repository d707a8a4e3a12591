package io.waybill.spi.device;

import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;

/**
 * A weighing scale at a packing station. Implementations report problems as {@link DeviceStatus} data and never
 * block longer than their configured timeout.
 */
public interface Scale {

    /** Message code of {@link #zero()} and {@link #tare()} when the scale refused or could not do it now. */
    String NOT_EXECUTED = "not_executed";
    /** Message code when the scale could not be reached or did not answer (the text says why). */
    String OFFLINE = "device_offline";

    /** Identity of this scale model plugin. */
    PluginDescriptor descriptor();

    /** Current status (ONLINE, or OFFLINE with the reason). */
    DeviceStatus status();

    /** Reads a weight. A reading that is not stable is returned with {@code stable == false}; it never counts. */
    WeightReading read();

    /**
     * Sets the scale's zero point to the current (empty) load.
     *
     * @return {@code TRUE} when the scale confirmed it; otherwise a failure with one ERROR message: {@link
     *         #NOT_EXECUTED} (e.g. load not stable, outside the zero range), {@link #OFFLINE}, or
     *         {@link Result#UNSUPPORTED} for scales that cannot be zeroed remotely (the default)
     */
    default Result<Boolean> zero() {
        return Result.unsupported("zero");
    }

    /**
     * Tares: the current load (the empty box) becomes the tare, later readings are net of it.
     *
     * @return the tare weight in grams the scale stored; otherwise a failure with one ERROR message as for
     *         {@link #zero()} ({@link Result#UNSUPPORTED} by default)
     */
    default Result<Integer> tare() {
        return Result.unsupported("tare");
    }
}
