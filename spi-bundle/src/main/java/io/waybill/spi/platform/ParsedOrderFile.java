package io.waybill.spi.platform;

import java.util.List;

/**
 * A parsed order file.
 *
 * @param dataRows number of data rows (header excluded)
 * @param orders   orders built from well-formed rows
 * @param problems malformed rows: row, column, reason
 */
public record ParsedOrderFile(int dataRows, List<ParsedOrder> orders, List<Problem> problems) {
    public ParsedOrderFile {
        orders = List.copyOf(orders);
        problems = List.copyOf(problems);
    }

    /**
     * An order and the file rows it came from (1-based data row numbers), so later checks can point at them.
     *
     * @param order the order
     * @param rows  data rows, one per line of the order
     */
    public record ParsedOrder(PlatformOrder order, List<Integer> rows) {
        public ParsedOrder {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A malformed row.
     *
     * @param row    1-based data row number
     * @param column column name from the header
     * @param reason reason an operator can read
     */
    public record Problem(int row, String column, String reason) {
    }
}
