package io.waybill.platform.csv.internal;

/**
 * Why a whole file cannot be read (encoding, header, size, broken quoting). Thrown inside the plugin only; the
 * component turns it into a failed {@code Result} with {@link #code()} and the message.
 */
final class OrderFileException extends RuntimeException {

    /** The file is not UTF-8 (or UTF-16 with a byte order mark). */
    static final String BAD_ENCODING = "bad_encoding";
    /** No content, or no header row. */
    static final String EMPTY_FILE = "empty_file";
    /** The header lacks required columns. */
    static final String MISSING_COLUMNS = "missing_columns";
    /** The header names the same column twice. */
    static final String DUPLICATE_COLUMN = "duplicate_column";
    /** The file breaks the CSV quoting rules so badly that the rest cannot be split into rows. */
    static final String MALFORMED_CSV = "malformed_csv";
    /** Over the size limit. */
    static final String FILE_TOO_LARGE = "file_too_large";
    /** Over the row limit. */
    static final String TOO_MANY_ROWS = "too_many_rows";

    private static final long serialVersionUID = 1L;

    private final String code;

    OrderFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
