package io.waybill.core.model;

/**
 * Why one row (or order) of an import or capture was rejected.
 *
 * @param row    1-based data row number in the file (0 when not from a file)
 * @param column column / field name
 * @param reason reason an operator can read
 */
public record RowError(int row, String column, String reason) {
}
