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
        // the file problems are the SPI's (OrderFileParser, platform 1.7), known to the conformance tests
        return Set.of("blank_rows", "ignored_columns");
    }
}
