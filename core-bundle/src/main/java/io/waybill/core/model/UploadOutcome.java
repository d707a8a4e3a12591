package io.waybill.core.model;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a batch upload stands after it was queued: the packages the core refused at once (with their reasons), and
 * for each queued package the carrier's answer as it arrives: tracked, accepted with the tracking number still to
 * come, failed (with the carrier's or Waybill's reason), or still waiting for its turn. The upload has an outcome
 * when no package is waiting any more. Plain logic, the one reading of the states: the UI's upload dialog reads it on
 * every refresh, {@code waybill:upload --wait} on every poll. Since 1.9.
 */
public final class UploadOutcome {

    /** Reason code of a queued upload the carrier (or Waybill, for the carrier) failed later. */
    public static final String FAILED_CODE = "upload_failed";
    /** Reason code of a queued upload that was dropped because the package changed meanwhile (e.g. voided). */
    public static final String CANCELLED_CODE = "upload_cancelled";

    /**
     * A package without a carrier shipment, with its reason ({@code code} for the translation, the facts; a refusal
     * made from a {@link Reason} also has its {@code params}, so it reads whole in the user's language, since 1.11).
     */
    public record Problem(long packageId, String packageNo, String code, String message, List<String> params) {
        public Problem {
            params = params == null ? List.of() : List.copyOf(params);
        }

        /** The 1.10 form, without params. */
        public Problem(long packageId, String packageNo, String code, String message) {
            this(packageId, packageNo, code, message, List.of());
        }
    }

    /** Counts of the queued packages, and every problem (refused first, then failed in queue order). */
    public record Counts(int queued, int refused, int tracked, int awaiting, int failed, int waiting,
                  List<Problem> problems) {
        /** Every package has a carrier answer (or was refused); only tracking numbers may still be on their way. */
        public boolean complete() {
            return waiting == 0;
        }

        /** Nothing will change any more: complete, and no tracking number is awaited. */
        public boolean settled() {
            return waiting == 0 && awaiting == 0;
        }
    }

    private final Map<Long, String> queued = new LinkedHashMap<>();
    private final List<Problem> refused = new ArrayList<>();

    /**
     * @param result  the upload's batch result: succeeded = queued, failures = refused at once
     * @param numbers package id -> package no. of the batch (for the queued packages' numbers)
     */
    public UploadOutcome(BatchResult result, Map<Long, String> numbers) {
        for (Long id : result.succeeded()) {
            queued.put(id, numbers.getOrDefault(id, String.valueOf(id)));
        }
        for (BatchResult.Failure f : result.failures()) {
            refused.add(new Problem(f.packageId(), f.packageNo(), f.code(), f.message(), f.params()));
        }
    }

    /** Ids of the queued packages, whose states to read. */
    public List<Long> queuedIds() {
        return List.copyOf(queued.keySet());
    }

    /** The counts for the latest job states of the queued packages (a package without a state is waiting). */
    public Counts with(Map<Long, UploadState> states) {
        int tracked = 0;
        int awaiting = 0;
        int failed = 0;
        int waiting = 0;
        List<Problem> problems = new ArrayList<>(refused);
        for (Map.Entry<Long, String> e : queued.entrySet()) {
            UploadState s = states.get(e.getKey());
            String state = s == null || s.state() == null ? "QUEUED" : s.state().toUpperCase(Locale.ROOT);
            switch (state) {
                case "DONE" -> tracked++;
                case "AWAITING_TRACKING" -> awaiting++;
                case "FAILED", "CANCELLED" -> {
                    failed++;
                    problems.add(new Problem(e.getKey(), e.getValue(), state.equals("FAILED") ? FAILED_CODE
                            : CANCELLED_CODE, s.lastError() == null ? "" : s.lastError().strip()));
                }
                default -> waiting++;
            }
        }
        return new Counts(queued.size(), refused.size(), tracked, awaiting, failed, waiting, List.copyOf(problems));
    }
}
