package io.waybill.ui.internal.batch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunksTest {

    @Test
    void splitsInOrderWithASmallerLastChunk() {
        List<Integer> items = IntStream.rangeClosed(1, 120).boxed().toList();
        List<List<Integer>> chunks = Chunks.of(items, 50);
        assertEquals(3, chunks.size());
        assertEquals(50, chunks.get(0).size());
        assertEquals(50, chunks.get(1).size());
        assertEquals(List.of(101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117,
                118, 119, 120), chunks.get(2));
        assertEquals(items, chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void exactMultipleAndSingleAndEmpty() {
        assertEquals(2, Chunks.of(IntStream.range(0, 100).boxed().toList(), 50).size());
        assertEquals(List.of(List.of(7)), Chunks.of(List.of(7), 50));
        assertTrue(Chunks.of(List.of(), 50).isEmpty());
    }

    @Test
    void rejectsNonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> Chunks.of(List.of(1), 0));
    }
}
