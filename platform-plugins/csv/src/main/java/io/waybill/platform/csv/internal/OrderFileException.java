package io.waybill.platform.csv.internal;

import io.waybill.spi.platform.OrderFileParser;

import java.util.Arrays;
import java.util.List;

/**
 * Why a whole file cannot be read (encoding, header, size, broken quoting). Thrown inside the plugin only; the
 * component turns it into a failed {@code Result} with {@link #code()}, the {@link #params()} of the code's sentence
 * (SPI platform 1.7, the codes of {@link OrderFileParser}) and the message, the plugin's English.
 */
final class OrderFileException extends RuntimeException {

    /** The file is not UTF-8 (or UTF-16 with a byte order mark); the variants below say how. */
    static final String BAD_ENCODING = OrderFileParser.BAD_ENCODING;
    static final String BAD_ENCODING_UTF16 = OrderFileParser.BAD_ENCODING_UTF16;
    static final String BAD_ENCODING_TRUNCATED = OrderFileParser.BAD_ENCODING_TRUNCATED;
    static final String BAD_ENCODING_UTF16_NO_BOM = OrderFileParser.BAD_ENCODING_UTF16_NO_BOM;
    /** No content. */
    static final String EMPTY_FILE = OrderFileParser.EMPTY_FILE;
    /** The first line (the header row's) is empty. */
    static final String HEADER_EMPTY = OrderFileParser.HEADER_EMPTY;
    /** The header lacks required columns. */
    static final String MISSING_COLUMNS = OrderFileParser.MISSING_COLUMNS;
    /** The header names the same column twice. */
    static final String DUPLICATE_COLUMN = OrderFileParser.DUPLICATE_COLUMN;
    /** The file breaks the CSV quoting rules so badly that the rest cannot be split into rows. */
    static final String UNCLOSED_QUOTE = OrderFileParser.UNCLOSED_QUOTE;
    static final String TEXT_AFTER_QUOTE = OrderFileParser.TEXT_AFTER_QUOTE;
    static final String MALFORMED_CSV = OrderFileParser.MALFORMED_CSV;
    /** Over the size limit. */
    static final String FILE_TOO_LARGE = OrderFileParser.FILE_TOO_LARGE;
    /** Over the row limit. */
    static final String TOO_MANY_ROWS = OrderFileParser.TOO_MANY_ROWS;

    private static final long serialVersionUID = 1L;

    private final String code;
    private final List<String> params;

    /**
     * @param message the plugin's English
     * @param params  the values of the code's sentence, in the order {@link OrderFileParser} gives
     */
    OrderFileException(String code, String message, Object... params) {
        super(message);
        this.code = code;
        this.params = Arrays.stream(params).map(p -> p == null ? "" : String.valueOf(p)).toList();
    }

    String code() {
        return code;
    }

    List<String> params() {
        return params;
    }
}
