package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.util.ArrayList;
import java.util.List;

/** Small operations on an SPI {@link Result} that plugins share. */
public final class Results {

    private Results() {
    }

    /** The result with {@code extra} messages after its own (the same result when there are none). */
    public static <T> Result<T> withMessages(Result<T> result, List<Message> extra) {
        if (extra.isEmpty()) {
            return result;
        }
        List<Message> all = new ArrayList<>(result.messages());
        all.addAll(extra);
        return new Result<>(result.value(), all);
    }
}
