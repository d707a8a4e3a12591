package io.waybill.core.model;

/** Preset cancellation reasons offered by the Batch Void dialog; OTHER requires free text. */
public enum VoidReason {
    BUYER_CANCELLED, OUT_OF_STOCK, ADDRESS_PROBLEM, DUPLICATE_ORDER, FRAUD_SUSPECTED, OTHER
}
