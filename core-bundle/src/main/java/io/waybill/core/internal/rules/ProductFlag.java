package io.waybill.core.internal.rules;

/** A product's dangerous-goods flag (the catalogue's {@code DG_*} columns, {@code Product.battery()} etc.). */
public enum ProductFlag {
    BATTERY, LIQUID, MAGNET, POWDER
}
