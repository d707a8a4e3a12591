package io.waybill.device.mtsics.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parser against recorded MT-SICS replies (src/test/resources/.../mtsics/internal). */
class MtSicsParserTest {

    /** The CR LF terminated lines of a recorded capture. */
    static List<String> capture(String file) throws IOException {
        try (InputStream in = MtSicsParserTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(text.endsWith("\r\n"), file + " must end with CR LF");
            return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
        }
    }

    static MtSicsReply parseOne(String file) throws IOException {
        List<String> lines = capture(file);
        assertEquals(1, lines.size(), file);
        return MtSicsParser.parse(lines.get(0));
    }

    @ParameterizedTest
    @CsvSource({
            "stable-weight.bin, STABLE_WEIGHT, 100, g",
            "stable-weight-kg.bin, STABLE_WEIGHT, 1234, kg",
            "stable-weight-lb.bin, STABLE_WEIGHT, 1134, lb",
            "dynamic-weight.bin, DYNAMIC_WEIGHT, 99, g",
            "negative-weight.bin, STABLE_WEIGHT, -12, g",
            "tare-done.bin, STABLE_WEIGHT, 35, g"})
    void weightRepliesBecomeGrams(String file, MtSicsReply.Kind kind, int grams, String unit) throws IOException {
        // when
        MtSicsReply r = parseOne(file);
        // then
        assertEquals(kind, r.kind());
        assertEquals(grams, r.grams());
        assertEquals(unit, r.unit());
    }

    @ParameterizedTest
    @CsvSource({
            "overload.bin, S, ABOVE_RANGE",
            "underload.bin, S, BELOW_RANGE",
            "busy.bin, S, NOT_EXECUTABLE",
            "zero-done.bin, Z, EXECUTED"})
    void statusRepliesCarryTheirCommand(String file, String command, MtSicsReply.Kind kind) throws IOException {
        MtSicsReply r = parseOne(file);
        assertEquals(kind, r.kind());
        assertEquals(command, r.command());
        assertNull(r.grams());
    }

    @Test
    void generalErrorsAnswerAnyCommand() throws IOException {
        // given
        List<String> lines = capture("errors.bin");
        // when
        List<MtSicsReply> replies = lines.stream().map(MtSicsParser::parse).toList();
        // then
        assertEquals(List.of(MtSicsReply.Kind.SYNTAX_ERROR, MtSicsReply.Kind.TRANSMISSION_ERROR,
                MtSicsReply.Kind.LOGICAL_ERROR), replies.stream().map(MtSicsReply::kind).toList());
        assertTrue(replies.stream().allMatch(r -> r.answers("S") && r.answers("T")));
    }

    @Test
    void garbageBytesAreUnreadableAndPrintable() throws IOException {
        MtSicsReply r = parseOne("garbage.bin");
        assertEquals(MtSicsReply.Kind.UNREADABLE, r.kind());
        assertTrue(r.raw().startsWith("\\x00\\xFF\\x13"), r.raw());
    }

    @Test
    void everyMalformedLineIsUnreadable() throws IOException {
        // given
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("malformed.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        assertTrue(lines.size() >= 10);
        // when / then
        for (String line : lines) {
            MtSicsReply r = MtSicsParser.parse(line);
            assertEquals(MtSicsReply.Kind.UNREADABLE, r.kind(), line);
            assertFalse(r.problem().isEmpty(), line);
        }
    }

    @Test
    void unsupportedUnitSaysWhichUnitsWork() {
        MtSicsReply r = MtSicsParser.parse("S S 12.00 ct");
        assertTrue(r.problem().contains("'ct'") && r.problem().contains("g, kg or lb"), r.problem());
    }

    @Test
    void separatedSignIsAccepted() {
        assertEquals(-12, MtSicsParser.parse("S S -   12.30 g").grams());
    }

    @Test
    void serialNumberReplyAnswersI4Only() throws IOException {
        // given: the reply to I4, the command that resynchronises after a late answer
        MtSicsReply r = parseOne("serial-number.bin");
        // then
        assertEquals(MtSicsReply.Kind.EXECUTED, r.kind());
        assertEquals("I4", r.command());
        assertTrue(r.answers("I4"));
        assertFalse(r.answers("SI"));
        assertEquals(MtSicsReply.Kind.UNREADABLE, MtSicsParser.parse("I4 A 0123456789").kind());
        assertEquals(MtSicsReply.Kind.UNREADABLE, MtSicsParser.parse("S A \"x\"").kind());
    }

    @Test
    void answersMatchTheirCommand() {
        assertTrue(MtSicsParser.parse("S S 1 g").answers("SI"));
        assertTrue(MtSicsParser.parse("S S 1 g").answers("S"));
        assertFalse(MtSicsParser.parse("Z A").answers("SI"));
        assertFalse(MtSicsParser.parse("S S 1 g").answers("T"));
    }
}
