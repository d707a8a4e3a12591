package io.waybill.ui.internal.batch;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BatchResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchRunnerTest {

    private static final List<Long> IDS = LongStream.rangeClosed(1, 120).boxed().toList();

    @Test
    void callsOncePerChunkAndMergesOutcomes() {
        List<Integer> calls = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        BatchResult result = BatchRunner.run(IDS, 50, chunk -> {
            calls.add(chunk.size());
            // even ids succeed, odd ones are out of stock
            return new BatchResult(chunk.size(), chunk.stream().filter(id -> id % 2 == 0).toList(),
                    chunk.stream().filter(id -> id % 2 == 1)
                            .map(id -> new BatchResult.Failure(id, "WB" + id, "out_of_stock", "short")).toList());
        }, Map.of(), "oops", (done, total) -> progress.add(done + "/" + total));

        assertEquals(List.of(50, 50, 20), calls);
        assertEquals(List.of("0/120", "50/120", "100/120", "120/120"), progress);
        assertEquals(120, result.requested());
        assertEquals(60, result.succeeded().size());
        assertEquals(60, result.failures().size());
    }

    @Test
    void aChunkThatThrowsFailsOnlyItsPackagesWithAReadableReason() {
        Map<Long, String> numbers = Map.of(51L, "WB00000051");
        BatchResult result = BatchRunner.run(IDS, 50, chunk -> {
            if (chunk.get(0) == 51L) {
                throw new OperationRefusedException("db_busy", "The database is busy");
            }
            if (chunk.get(0) == 101L) {
                throw new IllegalStateException("NPE deep inside");
            }
            return new BatchResult(chunk.size(), chunk, List.of());
        }, numbers, "Something went wrong", (done, total) -> { });

        assertEquals(50, result.succeeded().size());
        assertEquals(70, result.failures().size());
        BatchResult.Failure refused = result.failures().get(0);
        assertEquals("WB00000051", refused.packageNo());
        assertEquals("db_busy", refused.code());
        assertEquals("The database is busy", refused.message());
        BatchResult.Failure unexpected = result.failures().get(69);
        assertEquals("120", unexpected.packageNo());
        assertEquals(BatchRunner.CODE_ERROR, unexpected.code());
        assertEquals("Something went wrong", unexpected.message());
    }

    @Test
    void emptySelectionDoesNothing() {
        BatchResult result = BatchRunner.run(List.of(), 50, chunk -> {
            throw new AssertionError("not called");
        }, Map.of(), "x", (done, total) -> { });
        assertEquals(0, result.requested());
        assertEquals(0, result.succeeded().size());
    }
}
