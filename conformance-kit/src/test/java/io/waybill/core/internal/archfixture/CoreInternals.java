package io.waybill.core.internal.archfixture;

/** Test fixture: stands for a class of the core bundle's internals. */
public final class CoreInternals {
    private CoreInternals() {
    }

    public static String status() {
        return "ALLOCATED";
    }
}
