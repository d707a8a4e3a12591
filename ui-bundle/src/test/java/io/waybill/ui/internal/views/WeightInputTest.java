package io.waybill.ui.internal.views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "800|800|G",
            "800 g|800|G",
            "800g|800|G",
            " 800 G |800|G",
            "0.8 kg|800|KG",
            "0.8kg|800|KG",
            "0,8 kg|800|KG",
            "1,2 kg|1200|KG",
            "1.25KG|1250|KG",
            ".5 kg|500|KG",
            "2 kg|2000|KG",
            "800 克|800|G",
            "0.8 千克|800|KG",
            "1,5公斤|1500|KG",
            "+800|800|G",
            "70 kg|70000|KG",
            "0.0004 kg|0|KG",
    })
    void readsGramsAndKilograms(String typed, int grams, WeightInput.Unit unit) {
        WeightInput.Result r = WeightInput.parse(typed);
        if (grams == 0) {
            assertEquals("scan.weightInput.zero", r.errorKey(), "rounds to nothing");
            return;
        }
        assertTrue(r.ok(), () -> typed + ": " + r.errorKey());
        assertEquals(grams, r.grams(), typed);
        assertEquals(unit, r.unit(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5|scan.weightInput.negative",
            "-0.8 kg|scan.weightInput.negative",
            "0|scan.weightInput.zero",
            "0 kg|scan.weightInput.zero",
            "0.0|scan.weightInput.zero",
            "abc|scan.weightInput.notNumber",
            "8OO|scan.weightInput.notNumber",
            "800 lb|scan.weightInput.notNumber",
            "1.2.3|scan.weightInput.notNumber",
            "0.8|scan.weightInput.fraction",
            "800.5 g|scan.weightInput.fraction",
            "70001|scan.weightInput.tooHeavy",
            "70.001 kg|scan.weightInput.tooHeavy",
            "800 kg|scan.weightInput.tooHeavy",
            "99999999999|scan.weightInput.tooHeavy",
    })
    void refusesNonsenseWithAReason(String typed, String key) {
        WeightInput.Result r = WeightInput.parse(typed);
        assertFalse(r.ok(), typed);
        assertFalse(r.empty(), typed);
        assertNull(r.grams(), typed);
        assertEquals(key, r.errorKey(), typed);
    }

    @Test
    void nothingTypedIsNoWeightAndNoError() {
        assertTrue(WeightInput.parse("").empty());
        assertTrue(WeightInput.parse("   ").empty());
        assertTrue(WeightInput.parse(null).empty());
    }

    @Test
    void theReasonsCarryTheirFacts() {
        assertEquals(70, WeightInput.parse("71 kg").args()[0]);
        assertEquals("abc", WeightInput.parse(" abc ").args()[0]);
        assertEquals("0.8", WeightInput.parse("0.8").args()[0]);
    }
}
