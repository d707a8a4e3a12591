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
     * @param message   reason an operator can read
     */
    public record Failure(long packageId, String packageNo, String code, String message) {
    }
}
