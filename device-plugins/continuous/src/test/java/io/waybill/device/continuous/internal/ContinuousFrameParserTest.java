package io.waybill.device.continuous.internal;

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

/** Frame parser against recorded frames (src/test/resources/.../continuous/internal). */
class ContinuousFrameParserTest {

    static List<String> capture(String file) throws IOException {
        try (InputStream in = ContinuousFrameParserTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(text.endsWith("\r\n"), file + " must end with CR LF");
            return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "stable-gross.bin, STABLE, 1234, false",
            "unstable-gross.bin, UNSTABLE, 1240, false",
            "stable-net-negative.bin, STABLE, -150, true",
            "stable-grams-spaces.bin, STABLE, 250, false",
            "stable-lb.bin, STABLE, 1134, false"})
    void weightFramesBecomeGrams(String file, ContinuousFrame.State state, int grams, boolean net) throws IOException {
        // given
        List<String> lines = capture(file);
        // when
        ContinuousFrame f = ContinuousFrameParser.parse(lines.get(0));
        // then
        assertEquals(state, f.state());
        assertEquals(grams, f.grams());
        assertEquals(net, f.net());
    }

    @Test
    void overloadHasNoWeight() throws IOException {
        ContinuousFrame f = ContinuousFrameParser.parse(capture("overload.bin").get(0));
        assertEquals(ContinuousFrame.State.OVERLOAD, f.state());
        assertNull(f.grams());
    }

    @Test
    void streamStartingMidFrameYieldsUnreadableThenFrames() throws IOException {
        // given: a capture that starts in the middle of a frame, as after throwing the backlog away
        List<ContinuousFrame> frames = capture("stream-with-partial-start.bin").stream()
                .map(ContinuousFrameParser::parse).toList();
        // then
        assertEquals(ContinuousFrame.State.UNREADABLE, frames.get(0).state());
        assertEquals(List.of(1234, 1250, 1251), frames.subList(1, 4).stream().map(ContinuousFrame::grams).toList());
    }

    @Test
    void garbageIsUnreadableAndPrintable() throws IOException {
        ContinuousFrame f = ContinuousFrameParser.parse(capture("garbage.bin").get(0));
        assertEquals(ContinuousFrame.State.UNREADABLE, f.state());
        assertTrue(f.raw().startsWith("\\x00\\xFF"), f.raw());
    }

    @Test
    void everyMalformedFrameIsUnreadable() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("malformed.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        assertTrue(lines.size() >= 10);
        for (String line : lines) {
            ContinuousFrame f = ContinuousFrameParser.parse(line);
            assertEquals(ContinuousFrame.State.UNREADABLE, f.state(), line);
            assertFalse(f.problem().isEmpty(), line);
        }
    }
}
