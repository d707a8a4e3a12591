package io.waybill.print.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextShaperTest {

    @Test
    void latinCyrillicAndChineseAreUnchanged() {
        assertEquals("John Smith", TextShaper.visual(TextShaper.shape("John Smith")));
        assertEquals("Иван Петров", TextShaper.visual(TextShaper.shape("Иван Петров")));
        assertEquals("张伟", TextShaper.visual(TextShaper.shape("张伟")));
    }

    @Test
    void arabicIsJoinedIntoPresentationFormsAndDrawnRightToLeft() {
        // given: محمد = meem, hah, meem, dal
        String logical = "محمد";

        // when
        String visual = TextShaper.visual(TextShaper.shape(logical));

        // then: dal (final form FEAA) comes first when drawn left to right, initial meem (FEE3) last
        assertEquals(4, visual.length());
        assertEquals('\uFEAA', visual.charAt(0));
        assertEquals('\uFEE3', visual.charAt(3));
        assertFalse(TextShaper.hasArabic(visual), "only presentation forms are left");
        assertTrue(TextShaper.rightToLeft(logical));
    }

    @Test
    void numbersInsideArabicKeepTheirOrder() {
        String visual = TextShaper.visual(TextShaper.shape("حي العليا 12"));
        assertTrue(visual.startsWith("12 "), visual);
    }

    @Test
    void lamAlefBecomesOneLigature() {
        String visual = TextShaper.visual(TextShaper.shape("سلام"));
        assertTrue(visual.indexOf('\uFEFB') >= 0 || visual.indexOf('\uFEFC') >= 0, visual);
    }
}
