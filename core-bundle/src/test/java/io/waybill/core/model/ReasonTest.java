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
        assertEquals("Weight 0.800 kg (expected 0.790 kg ± 0.040 kg)", Reason.of(Reason.WEIGHED, 800, 790, 40).english());
        assertEquals("Fetching the carrier's label again from demo-post",
                Reason.of(Reason.LABEL_REQUESTED, "demo-post").english());
        assertEquals("Waiting for the marketplace plugin 'shopify' of store S1, which is not installed; sent once it is",
                Reason.of(Reason.SYNC_WAITING, "shopify", "S1").english());
        assertEquals("Weight override by supervisor boss: measured 1.200 kg, expected 0.790 kg ± 0.040 kg. Reason: box",
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

    private static final java.util.regex.Pattern CUSTOM = java.util.regex.Pattern.compile(
            "\\{\\d+,(weight|status|verb|field)}");

    @Test
    void customArgumentTypes() {
        assertEquals("Package WB1 has already been shipped (sync failed); it cannot be voided.",
                Reason.of(Reason.ALREADY_SHIPPED, "WB1", "SYNC_FAILED", "VOIDED").english());
        assertEquals("Package WB2 is voided; it cannot be uploaded to a carrier.",
                Reason.of(Reason.ALREADY_VOIDED, "WB2", "TRACKED").english());
        assertEquals("Package WB3 is waiting; it cannot be printed now.",
                Reason.of(Reason.ILLEGAL_STATE, "WB3", "WAITING", "PRINTED").english());
        assertEquals("Weight n/a (expected 0.010 kg ± 0.001 kg)", Reason.of(Reason.WEIGHED, "n/a", 10, 1).english());
        // every template with them parses once they are plain arguments
        for (String code : Reason.CODES) {
            new MessageFormat(CUSTOM.matcher(Reason.englishTemplate(code)).replaceAll("{0}"), Locale.ENGLISH);
        }
    }

    @Test
    void everyEnglishTemplateIsAValidMessageFormatGivingTheSameSentence() {
        for (String code : Reason.CODES) {
            String template = Reason.englishTemplate(code);
            assertNotNull(template, code);
            if (CUSTOM.matcher(template).find()) {
                continue; // Waybill's own argument types: see customArgumentTypes
            }
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
