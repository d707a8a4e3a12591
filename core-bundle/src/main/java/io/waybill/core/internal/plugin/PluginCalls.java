package io.waybill.core.internal.plugin;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.util.function.Supplier;

/**
 * The one guard around every Result-returning plugin call: exceptions never cross the SPI boundary, so a plugin that
 * throws or answers {@code null} becomes a {@link MessageCodes#PLUGIN_ERROR} failure the workers treat as transient.
 */
public final class PluginCalls {

    private PluginCalls() {
    }

    /**
     * Calls the plugin and returns its result, or a {@code plugin_error} failure.
     *
     * @param who  names the plugin in the failure text, e.g. "the carrier plugin"
     * @param call the plugin call
     */
    public static <T> Result<T> guarded(String who, Supplier<Result<T>> call) {
        try {
            Result<T> r = call.get();
            return r == null ? Result.failure(Message.error(MessageCodes.PLUGIN_ERROR, who + " returned nothing")) : r;
        } catch (RuntimeException e) {
            return Result.failure(Message.error(MessageCodes.PLUGIN_ERROR, who + " failed: " + e));
        }
    }
}
