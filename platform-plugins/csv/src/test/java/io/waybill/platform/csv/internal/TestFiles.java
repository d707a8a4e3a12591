package io.waybill.platform.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

/** Test data beside the tests, and parsers configured for tests. */
final class TestFiles {

    static final String HEADER = "order_no,order_date,buyer_name,address1,city,country,sku,quantity";

    private TestFiles() {
    }

    /** A file from src/test/resources/io/waybill/platform/csv/internal/. */
    static byte[] bytes(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An activated parser reading dates without offset in {@code zone}. */
    static CsvOrderFileParser parser(String zone) {
        CsvOrderFileParser parser = new CsvOrderFileParser();
        parser.configure(config(zone));
        return parser;
    }

    /** A parser reading dates without offset as UTC. */
    static CsvOrderFileParser parser() {
        return parser("UTC");
    }

    static CsvConfig config(String zone) {
        return new CsvConfig() {
            @Override
            public String zone() {
                return zone;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CsvConfig.class;
            }
        };
    }
}
