package io.waybill.core.internal.persistence;

/** Package numbers: "WB" + the package id, zero-padded to 8 digits, so they are unique and scan well. */
public final class PackageNumbers {
    private PackageNumbers() {
    }

    public static String format(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
        return String.format("WB%08d", id);
    }
}
