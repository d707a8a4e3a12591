package io.waybill.core.model;

import java.util.List;

/**
 * Outcome of a batch action (allocate, void, ...): which packages succeeded and why the others failed.
 *
 * @param requested number of packages asked for
 * @param succeeded ids of the packages the action was applied to
 * @param failures  one entry per package that was refused, with the reason
 */
public record BatchResult(int requested, List<Long> succeeded, List<Failure> failures) {
    public BatchResult {
        succeeded = List.copyOf(succeeded);
        failures = List.copyOf(failures);
    }

    /**
     * A package the action was not applied to.
     *
     * @param packageId id
     * @param packageNo package number
     * @param code      stable reason code, e.g. {@code out_of_stock}, {@code already_shipped}, {@code illegal_state}
     * @param message   reason an operator can read, in English (the shell prints it)
     * @param params    the values of the code's sentence when the code is one of {@link Reason#CODES} (e.g. the
     *                  SKUs and missing quantities of {@code out_of_stock}), so a user interface renders it in the
     *                  user's language; empty otherwise. Since 1.9
     */
    public record Failure(long packageId, String packageNo, String code, String message, List<String> params) {
        public Failure {
            params = params == null ? List.of() : List.copyOf(params);
        }

        /** The 1.8 form: a code and an English message. */
        public Failure(long packageId, String packageNo, String code, String message) {
            this(packageId, packageNo, code, message, List.of());
        }

        /** A failure whose message is a structured reason. */
        public static Failure of(long packageId, String packageNo, Reason reason) {
            return new Failure(packageId, packageNo, reason.code(), reason.english(), reason.params());
        }
    }
}
