package io.waybill.core.model;

/**
 * Why one row (or order) of an import or capture was rejected.
 *
 * @param row    1-based data row number in the file (0 when not from a file)
 * @param column column / field name
 * @param reason reason an operator can read (English)
 * @param structured the reason as data, rendered in the reader's language, or null when it is known only as its
 *                   English words (since 1.13)
 * @param label  the column as data when it is more than a field key (a rejected capture's
 *               {@link Reason#CAPTURE_ORDER_FIELD} "order X / field"), rendered in the reader's language; null when
 *               {@code column} is a field key (since 1.16)
 */
public record RowError(int row, String column, String reason, Reason structured, Reason label) {

    /** A row error whose column is a field key. */
    public RowError(int row, String column, String reason, Reason structured) {
        this(row, column, reason, structured, null);
    }

    /** A row error as data whose column is a reason too: {@code column} is its English text. Since 1.16. */
    public RowError(int row, Reason label, Reason structured) {
        this(row, label.english(), structured.english(), structured, label);
    }

    /** A row error known only as its English words. */
    public RowError(int row, String column, String reason) {
        this(row, column, reason, null);
    }

    /** A row error as data: its English text is the reason's. Since 1.13. */
    public RowError(int row, String column, Reason structured) {
        this(row, column, structured.english(), structured);
    }
}
