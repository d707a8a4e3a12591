package io.waybill.ui.internal.batch;

import java.util.ArrayList;
import java.util.List;

/** Splits a selection into chunks, so a batch of thousands shows progress and never holds one huge call. */
public final class Chunks {

    /** Packages per core call: small enough for a visible progress bar, large enough to be quick. */
    public static final int DEFAULT_SIZE = 50;

    private Chunks() {
    }

    /** Consecutive sublists of at most {@code size} items, in order; none for an empty list. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return chunks;
    }
}
