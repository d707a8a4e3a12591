package io.waybill.core.model;

/**
 * Why one row (or order) of an import or capture was rejected.
 *
 * @param row    1-based data row number in the file (0 when not from a file)
 * @param column column / field name
 * @param reason reason an operator can read (English)
 * @param structured the reason as data, rendered in the reader's language, or null when it is known only as its
 *                   English words (since 1.13)
 */
public record RowError(int row, String column, String reason, Reason structured) {

    /** A row error known only as its English words. */
    public RowError(int row, String column, String reason) {
        this(row, column, reason, null);
    }

    /** A row error as data: its English text is the reason's. Since 1.13. */
    public RowError(int row, String column, Reason structured) {
        this(row, column, structured.english(), structured);
    }
}
