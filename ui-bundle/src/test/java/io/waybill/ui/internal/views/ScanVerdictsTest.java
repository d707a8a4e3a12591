package io.waybill.ui.internal.views;

import io.waybill.core.model.ScaleInfo;
import io.waybill.core.model.ScanResult;
import io.waybill.core.model.ScanResult.Outcome;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanVerdictsTest {

    /** Echoes key and parameters, so tests see which text was chosen. */
    private static final BiFunction<String, Object[], String> T =
            (key, params) -> params.length == 0 ? key : key + Arrays.toString(params);

    private static ScanResult result(Outcome outcome, String code, boolean shipped) {
        return new ScanResult(outcome, code, "msg", 1L, "PK1", "RR1", 1000, 1030, 50, shipped);
    }

    @Test
    void eachOutcomeHasItsOwnLook() {
        assertEquals(ScanVerdicts.Style.IDLE, ScanVerdicts.style(null));
        assertEquals("wb-verdict-pass", ScanVerdicts.style(result(Outcome.PASS, "ok", false)).cssClass());
        assertEquals("wb-verdict-fail", ScanVerdicts.style(result(Outcome.WEIGHT_FAIL, "weight_mismatch", false))
                .cssClass());
        assertEquals("wb-verdict-fail", ScanVerdicts.style(ScanResult.refused("voided", "VOIDED", 1L, "PK1"))
                .cssClass());
        assertEquals("wb-verdict-warn", ScanVerdicts.style(result(Outcome.NO_WEIGHT, "no_weight", false)).cssClass());
        assertEquals(ScanVerdicts.Style.OVERRIDE, ScanVerdicts.style(result(Outcome.WEIGHT_FAIL, "override", true)));
        assertEquals("scan.verdict.WEIGHT_MISMATCH", ScanVerdicts.Style.WEIGHT_MISMATCH.titleKey());
    }

    @Test
    void tonesShipAndOverrideFollowTheVerdict() {
        ScanResult pass = result(Outcome.PASS, "ok", false);
        ScanResult fail = result(Outcome.WEIGHT_FAIL, "weight_mismatch", false);
        ScanResult refused = ScanResult.refused("not_printed", "NOT PRINTED", 1L, "PK1");
        assertEquals(1, ScanVerdicts.tone(pass));
        assertEquals(-1, ScanVerdicts.tone(fail));
        assertEquals(-1, ScanVerdicts.tone(refused));
        assertEquals(0, ScanVerdicts.tone(null));
        assertTrue(ScanVerdicts.canShip(pass));
        assertFalse(ScanVerdicts.canShip(result(Outcome.PASS, "ok", true)));
        assertFalse(ScanVerdicts.canShip(fail));
        assertTrue(ScanVerdicts.canOverride(fail));
        assertFalse(ScanVerdicts.canOverride(result(Outcome.WEIGHT_FAIL, "override", true)));
        assertFalse(ScanVerdicts.canOverride(refused));
        assertFalse(ScanVerdicts.canOverride(result(Outcome.NO_WEIGHT, "no_weight", false)));
    }

    @Test
    void knownRefusalsAreTranslatedOthersKeepTheCoreMessage() {
        assertEquals("scan.refused.already_shipped",
                ScanVerdicts.refusalKey(ScanResult.refused("already_shipped", "x", 1L, "PK1")));
        assertNull(ScanVerdicts.refusalKey(ScanResult.refused("something_new", "x", 1L, "PK1")));
        assertNull(ScanVerdicts.refusalKey(result(Outcome.PASS, "ok", false)));
        // every translated code has a key in both languages (checked against the bundles)
        io.waybill.ui.internal.i18n.WaybillI18NProvider provider = new io.waybill.ui.internal.i18n.WaybillI18NProvider();
        for (String code : ScanVerdicts.TRANSLATED_REFUSALS) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                String text = provider.getTranslation("scan.refused." + code, locale, "PK1");
                assertFalse(text.startsWith("!"), code + " " + locale);
            }
        }
        for (ScanVerdicts.Style style : ScanVerdicts.Style.values()) {
            assertFalse(provider.getTranslation(style.titleKey(), Locale.SIMPLIFIED_CHINESE).startsWith("!"));
        }
    }

    @Test
    void weightsDifferenceAndToleranceAreFormatted() {
        Locale en = Locale.ENGLISH;
        assertEquals("+0.030 kg", ScanVerdicts.difference(1030, 1000, en));
        assertEquals("\u2212" + "1.200 kg", ScanVerdicts.difference(800, 2000, en));
        assertEquals("\u00b10.000 kg", ScanVerdicts.difference(500, 500, en));
        assertEquals("", ScanVerdicts.difference(null, 500, en));
        assertEquals("\u00b10.050 kg", ScanVerdicts.tolerance(50, en));
        assertEquals("", ScanVerdicts.tolerance(null, en));
        assertEquals("1.030 kg", ScanVerdicts.weight(1030, en));
        assertEquals("", ScanVerdicts.weight(null, en));
    }

    @Test
    void readingsUnstableIsShownButNeverUsed() {
        Locale en = Locale.ENGLISH;
        assertEquals("1.200 kg", ScanVerdicts.reading(WeightReading.stable(1200), en, T));
        assertEquals(1200, ScanVerdicts.usableGrams(WeightReading.stable(1200)));
        assertEquals("scan.weight.unstable[1.200 kg]", ScanVerdicts.reading(WeightReading.unstable(1200), en, T));
        assertNull(ScanVerdicts.usableGrams(WeightReading.unstable(1200)));
        assertEquals("scan.weight.offline[no answer on COM3]",
                ScanVerdicts.reading(WeightReading.none(DeviceStatus.offline("no answer on COM3")), en, T));
        assertEquals("scan.weight.none[overload]",
                ScanVerdicts.reading(WeightReading.none(DeviceStatus.online("overload")), en, T));
        assertNull(ScanVerdicts.usableGrams(null));
        assertEquals("", ScanVerdicts.reading(null, en, T));
    }

    @Test
    void scaleLabelSaysOnlineOrOfflineWithTheDetail() {
        assertEquals("Bench \u00b7 scan.scale.online",
                ScanVerdicts.scaleLabel(new ScaleInfo("k", "mtsics", "Bench", true, ""), T));
        assertEquals("Bench \u00b7 scan.scale.offline: no answer",
                ScanVerdicts.scaleLabel(new ScaleInfo("k", "mtsics", "Bench", false, "no answer"), T));
        assertEquals("pid.1 \u00b7 scan.scale.online",
                ScanVerdicts.scaleLabel(new ScaleInfo("pid.1", "mtsics", " ", true, null), T));
        // a scale that said why as data (SPI device 1.1): the reason in the user's language, the plugin's in English
        ScaleInfo silent = new ScaleInfo("k", "mtsics", "Bench", false, "no answer to SI within 2000 ms from COM3",
                io.waybill.core.model.Reason.ofScale("no_answer", java.util.List.of("COM3", "SI", "2000")));
        assertEquals("Bench \u00b7 scan.scale.offline: COM3 在 2,000 毫秒内没有回应 SI 命令",
                ScanVerdicts.scaleLabel(silent, Locale.SIMPLIFIED_CHINESE, T));
        assertEquals("Bench \u00b7 scan.scale.offline: no answer to SI within 2000 ms from COM3",
                ScanVerdicts.scaleLabel(silent, Locale.ENGLISH, T));
        WeightReading lost = WeightReading.none(DeviceStatus.offline("connection to COM3 lost",
                DeviceStatus.CONNECTION_LOST, "COM3"));
        assertEquals("scan.weight.offline[与 COM3 的连接已断开]",
                ScanVerdicts.reading(lost, Locale.SIMPLIFIED_CHINESE, T));
        assertEquals("scan.weight.offline[connection to COM3 lost]", ScanVerdicts.reading(lost, Locale.ENGLISH, T));
    }

    @Test
    void theCodeLabelIsAlwaysText_neverABareCode() {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        assertEquals("scan.code.ok", ScanVerdicts.codeLabel(result(Outcome.PASS, "ok", false), zh, T));
        assertEquals("scan.code.weight_mismatch", ScanVerdicts.codeLabel(result(Outcome.WEIGHT_FAIL,
                "weight_mismatch", false), zh, T));
        assertEquals("包裹不存在", ScanVerdicts.codeLabel(result(Outcome.REFUSED, "unknown_package", false), zh, T));
        assertEquals("Unknown package", ScanVerdicts.codeLabel(result(Outcome.REFUSED, "unknown_package", false),
                java.util.Locale.ENGLISH, T));
        // a code without a label of its own: the outcome's name in the user's language
        assertEquals("scan.code.REFUSED", ScanVerdicts.codeLabel(result(Outcome.REFUSED, "brand_new", false), zh, T));
        assertEquals("scan.code.PASS", ScanVerdicts.codeLabel(result(Outcome.PASS, null, false), zh, T));
        // every label key exists in both languages
        for (java.util.Locale l : java.util.List.of(java.util.Locale.ENGLISH, zh)) {
            java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("io.waybill.ui.internal.i18n.messages", l);
            for (String code : ScanVerdicts.OWN_CODES) {
                assertTrue(b.containsKey("scan.code." + code), code + " in " + l);
            }
            for (Outcome o : Outcome.values()) {
                assertTrue(b.containsKey("scan.code." + o.name()), o + " in " + l);
            }
        }
    }
}
