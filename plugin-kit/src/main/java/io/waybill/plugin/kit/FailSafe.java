package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.util.function.Supplier;

/** Runs a plugin operation so that no exception crosses the SPI: a stray one becomes an {@code internal_error}. */
public final class FailSafe {

    private FailSafe() {
    }

    /**
     * The operation's result, or an {@code internal_error} failure
     * {@code "The <plugin> plugin failed unexpectedly: <Exception>: <message>"}.
     */
    public static <T> Result<T> call(String plugin, Supplier<Result<T>> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            return Result.failure(Message.error(MessageCodes.INTERNAL_ERROR, "The " + plugin
                    + " plugin failed unexpectedly: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }
}
