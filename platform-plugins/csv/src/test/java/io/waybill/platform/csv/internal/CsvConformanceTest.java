package io.waybill.platform.csv.internal;

import io.waybill.plugin.conformance.OrderFileParserConformance;
import io.waybill.spi.platform.OrderFileParser;

import java.util.Set;

/** The order-file conformance tests (conformance-kit) against the CSV parser with its default configuration. */
class CsvConformanceTest extends OrderFileParserConformance {

    @Override
    protected OrderFileParser parser() {
        return new CsvOrderFileParser();
    }

    @Override
    protected String fileName() {
        return "orders.csv";
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of("bad_encoding", "blank_rows", "duplicate_column", "empty_file", "file_too_large",
                "ignored_columns", "malformed_csv", "missing_columns", "parse_error", "too_many_rows");
    }
}
