package io.waybill.core.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadOutcomeTest {

    private static final Map<Long, String> NUMBERS = numbers();

    private static Map<Long, String> numbers() {
        Map<Long, String> n = new LinkedHashMap<>();
        for (long id = 1; id <= 5; id++) {
            n.put(id, "WB0000000" + id);
        }
        return n;
    }

    private static UploadState state(long id, String state, String error) {
        return new UploadState(id, state, "easypost", 1, error, null);
    }

    @Test
    void queuedPackagesWaitUntilTheirCarrierAnswersAndTheRefusedAreProblemsAtOnce() {
        BatchResult result = new BatchResult(5, List.of(1L, 2L, 3L, 4L), List.of(new BatchResult.Failure(5,
                "WB00000005", "carrier_missing", "The carrier plugin 'easypost' is not installed")));
        UploadOutcome outcome = new UploadOutcome(result, NUMBERS);
        assertEquals(List.of(1L, 2L, 3L, 4L), outcome.queuedIds());

        // just queued: nothing read yet, every queued package waits; the refused one is listed with its reason
        UploadOutcome.Counts start = outcome.with(Map.of());
        assertEquals(List.of(4, 1, 0, 0, 0, 4), List.of(start.queued(), start.refused(), start.tracked(),
                start.awaiting(), start.failed(), start.waiting()));
        assertFalse(start.complete());
        assertEquals(List.of(new UploadOutcome.Problem(5, "WB00000005", "carrier_missing",
                "The carrier plugin 'easypost' is not installed")), start.problems());

        // the carriers answer one by one
        UploadOutcome.Counts mid = outcome.with(Map.of(1L, state(1, "DONE", null), 2L, state(2, "UPLOADING", null),
                3L, state(3, "QUEUED", "rate limited")));
        assertEquals(List.of(1, 0, 0, 3), List.of(mid.tracked(), mid.awaiting(), mid.failed(), mid.waiting()));
        assertFalse(mid.complete());

        UploadOutcome.Counts end = outcome.with(Map.of(1L, state(1, "DONE", null),
                2L, state(2, "AWAITING_TRACKING", null), 3L, state(3, "FAILED", " House number is missing. "),
                4L, state(4, "CANCELLED", "package is no longer allocated")));
        assertEquals(List.of(1, 1, 2, 0), List.of(end.tracked(), end.awaiting(), end.failed(), end.waiting()));
        assertTrue(end.complete(), "an accepted package awaiting its number has an answer");
        assertFalse(end.settled(), "its tracking number is still to come");
        assertTrue(outcome.with(Map.of(1L, state(1, "DONE", null), 2L, state(2, "DONE", null),
                3L, state(3, "FAILED", "x"), 4L, state(4, "FAILED", "y"))).settled());
        assertEquals(List.of(
                new UploadOutcome.Problem(5, "WB00000005", "carrier_missing",
                        "The carrier plugin 'easypost' is not installed"),
                new UploadOutcome.Problem(3, "WB00000003", UploadOutcome.FAILED_CODE, "House number is missing."),
                new UploadOutcome.Problem(4, "WB00000004", UploadOutcome.CANCELLED_CODE,
                        "package is no longer allocated")), end.problems());
    }

    @Test
    void aRefusalAsDataKeepsItsParams() {
        Reason missing = Reason.of(Reason.CARRIER_MISSING, "easypost", "WB00000002");
        UploadOutcome outcome = new UploadOutcome(new BatchResult(1, List.of(), List.of(BatchResult.Failure.of(2,
                "WB00000002", missing))), NUMBERS);
        assertEquals(List.of(new UploadOutcome.Problem(2, "WB00000002", Reason.CARRIER_MISSING, missing.english(),
                List.of("easypost", "WB00000002"))), outcome.with(Map.of()).problems());
    }

    @Test
    void anUploadWithEverythingRefusedIsCompleteAtOnce() {
        UploadOutcome outcome = new UploadOutcome(new BatchResult(1, List.of(), List.of(new BatchResult.Failure(2,
                "WB00000002", "carrier_missing", "not installed"))), NUMBERS);
        UploadOutcome.Counts counts = outcome.with(Map.of());
        assertTrue(counts.complete());
        assertEquals(0, counts.queued());
        assertEquals(1, counts.problems().size());
        assertTrue(outcome.queuedIds().isEmpty());
    }

    @Test
    void aFailedStateWithoutAMessageIsStillListed() {
        UploadOutcome outcome = new UploadOutcome(new BatchResult(1, List.of(1L), List.of()), NUMBERS);
        UploadOutcome.Counts counts = outcome.with(Map.of(1L, state(1, "failed", null)));
        assertEquals(1, counts.failed());
        assertEquals(List.of(new UploadOutcome.Problem(1, "WB00000001", UploadOutcome.FAILED_CODE, "")),
                counts.problems());
    }
}
