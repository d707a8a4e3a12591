package io.waybill.spi.platform;

import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;

/**
 * Reads orders from a file exported by a marketplace or spreadsheet (CSV, Excel...). The parser checks the file's
 * shape (columns, numbers, dates); the core then checks the content (SKUs, addresses) and imports all or nothing.
 * Implementations never throw and keep no state between calls.
 */
public interface OrderFileParser {

    // Why a whole file cannot be read (since 1.6): the ERROR message's code, then its params (Message.params, SPI
    // common 1.3), so Waybill says it in the operator's language; the message's text stays the plugin's own English.
    // A number is in decimal digits; a file's names and values are as the file has them (control characters shown
    // as <U+000A>). A parser may use codes of its own (shown as their text) and give these codes without params.
    /** The file has no content (no bytes, or only a byte order mark and whitespace): []. */
    String EMPTY_FILE = "empty_file";
    /** The first line, where the header row belongs, is empty: []. */
    String HEADER_EMPTY = "header_empty";
    /** The file is larger than the parser reads: [its size in MB with one decimal, the largest size in MB]. */
    String FILE_TOO_LARGE = "file_too_large";
    /** The file has more data rows than the parser reads: [the most data rows]. */
    String TOO_MANY_ROWS = "too_many_rows";
    /**
     * The file is not UTF-8 text: [the first byte that is not, as {@code 0xD5}; its offset from 0, a byte order
     * mark included; its line from 1].
     */
    String BAD_ENCODING = "bad_encoding";
    /** The file starts with a UTF-16 byte order mark but is not UTF-16 text: [the first bad byte, its offset]. */
    String BAD_ENCODING_UTF16 = "bad_encoding_utf16";
    /** The file ends in the middle of a character: [the encoding, {@code UTF-8} or {@code UTF-16}; the offset]. */
    String BAD_ENCODING_TRUNCATED = "bad_encoding_truncated";
    /** The file is UTF-16 without a byte order mark: [{@code UTF-16LE} or {@code UTF-16BE}]. */
    String BAD_ENCODING_UTF16_NO_BOM = "bad_encoding_utf16_no_bom";
    /**
     * The header row lacks required columns: [the header's fields as the file names them, each in single quotes,
     * comma-separated; then for each missing column its canonical name ({@code order_date}) and the other names
     * the parser reads it under, comma-separated]: 1 + 2 × missing columns params.
     */
    String MISSING_COLUMNS = "missing_columns";
    /**
     * The header names one column twice: [the canonical column name, the first field's number from 1, the second's,
     * the first field's name as written, the second's].
     */
    String DUPLICATE_COLUMN = "duplicate_column";
    /** A quoted value is never closed, so the rest cannot be split into rows: [the data row it starts in, 0: the
     * header row]. */
    String UNCLOSED_QUOTE = "unclosed_quote";
    /** A value has text after its closing double quote: [the data row, 0: the header row]. */
    String TEXT_AFTER_QUOTE = "text_after_quote";
    /** A record that cannot be split into fields for another reason: [the data row, 0: the header row; the CSV
     * reader's own words]. */
    String MALFORMED_CSV = "malformed_csv";
    /**
     * A setting of the parser has a value it cannot use; no file is read until it is corrected:
     * [the setting's name, its value, examples of valid values].
     */
    String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** Anything unexpected inside the parser: [the file name, the error]. */
    String PARSE_ERROR = "parse_error";

    /** Identity of this parser plugin. */
    PluginDescriptor descriptor();

    /** Whether this parser reads files with this name (by extension). */
    boolean accepts(String fileName);

    /**
     * Parses a whole file. Rows sharing an order number form one order with several lines. Malformed rows are
     * reported in {@link ParsedOrderFile#problems()} and left out of the orders; a file that cannot be read at all
     * (wrong encoding, no header) is a failed {@link Result} with one ERROR message, whose code is one of the
     * constants above with its params where one fits (since 1.6).
     */
    Result<ParsedOrderFile> parse(String fileName, byte[] content);
}
