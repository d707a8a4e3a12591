package io.waybill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReasonTest {

    @Test
    void englishSentencesAreTheOnesTheShellPrinted() {
        assertEquals("Warehouse SZ-01", Reason.of(Reason.WAREHOUSE, "SZ-01").english());
        assertEquals("Carrier demo-post / STD", Reason.of(Reason.CARRIER_SERVICE, "demo-post", "STD").english());
        assertEquals("Weight 800 g (expected 790 g ± 40 g)", Reason.of(Reason.WEIGHED, 800, 790, 40).english());
        assertEquals("Fetching the carrier's label again from demo-post",
                Reason.of(Reason.LABEL_REQUESTED, "demo-post").english());
        assertEquals("Waiting for the marketplace plugin 'shopify' of store S1, which is not installed; sent once it is",
                Reason.of(Reason.SYNC_WAITING, "shopify", "S1").english());
        assertEquals("Weight override by supervisor boss: measured 1200 g, expected 790 g ± 40 g. Reason: box",
                Reason.of(Reason.WEIGHT_OVERRIDE, "boss", 1200, 790, 40, "box").english());
    }

    @Test
    void listCodesJoinTheirItems() {
        assertEquals("Out of stock: A missing 1, B missing 2",
                Reason.of(Reason.OUT_OF_STOCK, "A", 1, "B", 2).english());
        assertEquals("A missing 1", Reason.of(Reason.SHORTAGES, "A", 1).english());
    }

    @Test
    void paramsSurviveTheirColumn() {
        Reason r = Reason.of(Reason.CARRIER_SERVICE, "demo-post", "");
        assertEquals(r.params(), Reason.decodeParams(r.encodedParams()));
        assertEquals(List.of(), Reason.decodeParams(null));
        assertEquals(List.of("a, b", "c"), Reason.decodeParams(Reason.of("x", "a, b", "c").encodedParams()));
    }

    @Test
    void everyEnglishTemplateIsAValidMessageFormatGivingTheSameSentence() {
        for (String code : Reason.CODES) {
            String template = Reason.englishTemplate(code);
            assertNotNull(template, code);
            // a template must parse as a MessageFormat (the UI formats it so) and agree with english()
            MessageFormat f = new MessageFormat(template, Locale.ENGLISH);
            Object[] args = new Object[f.getFormatsByArgumentIndex().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = f.getFormatsByArgumentIndex()[i] == null ? "p" + i : (Object) 7L;
            }
            String filled = Reason.fill(template, java.util.Arrays.stream(args).map(String::valueOf).toList());
            assertEquals(f.format(args), filled, code);
            assertFalse(filled.contains("{"), code);
        }
    }

    @Test
    void unknownCodeStillSaysSomething() {
        assertEquals("mystery [a]", Reason.of("mystery", "a").english());
    }
}
