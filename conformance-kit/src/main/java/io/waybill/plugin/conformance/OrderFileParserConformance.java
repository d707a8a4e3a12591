package io.waybill.plugin.conformance;

import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderFileParser;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.waybill.plugin.conformance.Conformance.assertWellFormed;
import static io.waybill.plugin.conformance.Conformance.within;

/**
 * Conformance tests every {@link OrderFileParser} passes: garbage files come back as messages, never as an exception,
 * with standard codes (those of {@code MessageCodes} and the file problems of {@link OrderFileParser}), in bounded
 * time. The parser's test sources extend this class and give {@link #parser()} and
 * {@link #fileName()}.
 */
public abstract class OrderFileParserConformance {

    /** A configured parser. */
    protected abstract OrderFileParser parser();

    /** A file name the parser accepts, e.g. {@code orders.csv}. */
    protected abstract String fileName();

    /** Codes the parser uses besides the standard ones (e.g. on INFO messages). */
    protected Set<String> ownCodes() {
        return Set.of();
    }

    /** Bound of one parse of a small file. */
    protected Duration callBound() {
        return Duration.ofSeconds(10);
    }

    @Test
    void acceptsNeverThrows() {
        OrderFileParser parser = parser();
        if (!parser.accepts(fileName())) {
            throw new AssertionError("the fixture's file name is not accepted: " + fileName());
        }
        for (String name : Arrays.asList(null, "", ".", "orders", "ORDERS." + "X".repeat(300), "../../etc/passwd")) {
            within(callBound(), "accepts(" + name + ")", () -> parser.accepts(name));
        }
    }

    @Test
    void garbageFiles_returnMessages() {
        OrderFileParser parser = parser();
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("null", null);
        files.put("empty", new byte[0]);
        files.put("random bytes", random);
        files.put("BOM only", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        files.put("UTF-16 BOM", new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0});
        files.put("header only", "a,b,c\n".getBytes(StandardCharsets.UTF_8));
        files.put("unbalanced quotes", "\"a,b\nc,\"d\n\"\"\"\n".getBytes(StandardCharsets.UTF_8));
        files.put("one long line", "x,".repeat(200_000).getBytes(StandardCharsets.UTF_8));
        files.put("NUL and control characters", "\u0000,\u0001\r\r\n\t;\u001b".getBytes(StandardCharsets.UTF_8));
        files.put("JSON", "{\"orders\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String what = "parse(" + file.getKey() + ")";
            Result<?> result = within(callBound(), what, () -> parser.parse(fileName(), file.getValue()));
            assertWellFormed(result, codes(), what);
        }
        Result<?> noName = within(callBound(), "parse(null name)", () -> parser.parse(null, random));
        assertWellFormed(noName, codes(), "parse(null name)");
    }

    /** The parser's own codes and the file problems of the SPI (platform 1.7). */
    private Set<String> codes() {
        Set<String> codes = new HashSet<>(ownCodes());
        codes.addAll(fileProblemCodes());
        return codes;
    }

    /** The codes of {@link OrderFileParser}: why a whole file cannot be read (SPI platform 1.7). */
    public static Set<String> fileProblemCodes() {
        Set<String> codes = new HashSet<>();
        for (Field f : OrderFileParser.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    codes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }
}
