package io.waybill.core.model;

/**
 * One sort key for package lists.
 *
 * @param field     column to sort by
 * @param ascending direction
 */
public record PackageSort(Field field, boolean ascending) {
    /** Sortable package columns. */
    public enum Field { PACKAGE_NO, ORDER_NO, STORE, BUYER, COUNTRY, WEIGHT, CREATED, STATUS }
}
