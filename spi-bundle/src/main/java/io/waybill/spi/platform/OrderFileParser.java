package io.waybill.spi.platform;

import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;

/**
 * Reads orders from a file exported by a marketplace or spreadsheet (CSV, Excel...). The parser checks the file's
 * shape (columns, numbers, dates); the core then checks the content (SKUs, addresses) and imports all or nothing.
 * Implementations never throw and keep no state between calls.
 */
public interface OrderFileParser {

    /** Identity of this parser plugin. */
    PluginDescriptor descriptor();

    /** Whether this parser reads files with this name (by extension). */
    boolean accepts(String fileName);

    /**
     * Parses a whole file. Rows sharing an order number form one order with several lines. Malformed rows are
     * reported in {@link ParsedOrderFile#problems()} and left out of the orders; a file that cannot be read at all
     * (wrong encoding, no header) is a failed {@link Result}.
     */
    Result<ParsedOrderFile> parse(String fileName, byte[] content);
}
