package io.waybill.core.internal.shell;

import io.waybill.core.model.PackageDetail;

import java.util.List;

/** Test access to what {@code waybill:package-show} prints. */
public final class PackageShowLines {
    private PackageShowLines() {
    }

    public static List<String> of(PackageDetail detail) {
        return PackageShowCommand.lines(detail);
    }
}
