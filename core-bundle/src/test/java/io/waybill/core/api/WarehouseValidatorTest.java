package io.waybill.core.api;

import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseValidatorTest {

    static Warehouse valid() {
        return new Warehouse("SZ-02", "Shenzhen Bao'an", WarehouseKind.OWN, "Building 3, Fuyong Road 88", null,
                "Shenzhen", "Guangdong", "518103", "CN", "Li Wei", "+86 755 2811 0000", "wh@example.com", true);
    }

    static Warehouse with(String field, String value) {
        Warehouse w = valid();
        return new Warehouse(field.equals("code") ? value : w.code(), field.equals("name") ? value : w.name(),
                w.kind(), field.equals("line1") ? value : w.line1(), w.line2(),
                field.equals("city") ? value : w.city(), w.state(),
                field.equals("postalCode") ? value : w.postalCode(), field.equals("country") ? value : w.countryCode(),
                w.contactName(), field.equals("phone") ? value : w.phone(),
                field.equals("email") ? value : w.email(), true);
    }

    private static List<WarehouseValidator.Problem> check(Warehouse w) {
        return WarehouseValidator.check(WarehouseValidator.normalise(w));
    }

    @Test
    void aCompleteWarehouseHasNoProblems() {
        assertEquals(List.of(), check(valid()));
    }

    @Test
    void normaliseTrimsUpperCasesAndDefaultsTheKind() {
        // given
        Warehouse w = new Warehouse(" sz-03 ", " Name ", null, " 1 Road ", "  ", "City", "", " 518103 ", "cn", null,
                null, null, true);

        // when
        Warehouse n = WarehouseValidator.normalise(w);

        // then
        assertEquals("SZ-03", n.code());
        assertEquals("Name", n.name());
        assertEquals(WarehouseKind.OWN, n.kind());
        assertEquals(null, n.line2());
        assertEquals(null, n.state());
        assertEquals("CN", n.countryCode());
        assertEquals(List.of(), WarehouseValidator.check(n));
    }

    @ParameterizedTest(name = "{0}=''{1}'' -> {2}/{3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "code       | NULL            | code       | required",
            "code       | SZ 01           | code       | invalid_code",
            "code       | -SZ             | code       | invalid_code",
            "name       | ' '             | name       | required",
            "line1      | NULL            | line1      | required",
            "city       | ''              | city       | required",
            "country    | XX              | country    | unknown_country",
            "country    | CHN             | country    | unknown_country",
            "country    | NULL            | country    | required",
            "postalCode | NULL            | postalCode | postal_required",
            "postalCode | 5181            | postalCode | invalid_postal",
            "postalCode | ABC123          | postalCode | invalid_postal",
            "email      | wh.example.com  | email      | invalid_email",
            "email      | a@b             | email      | invalid_email",
            "email      | a b@example.com | email      | invalid_email",
            "phone      | call me         | phone      | invalid_phone",
            "phone      | +86 12          | phone      | invalid_phone",
    })
    void eachBadFieldIsNamedWithItsCode(String field, String value, String problemField, String code) {
        List<WarehouseValidator.Problem> problems = check(with(field, value));
        assertEquals(1, problems.size(), () -> problems.toString());
        assertEquals(problemField, problems.get(0).field());
        assertEquals(code, problems.get(0).code());
        assertTrue(problems.get(0).message().length() > 10, problems.get(0).message());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "US | 91761-1234", "US | 91761", "DE | 60549", "GB | SW1A 1AA", "JP | 100-0001", "CA | K1A 0B1",
            "HK | NULL", "AE | NULL", "BR | 01310-100", "SG | 018989", "NL | 1012 AB"})
    void countryPostalRules(String country, String postal) {
        Warehouse w = with("country", country);
        w = new Warehouse(w.code(), w.name(), w.kind(), w.line1(), w.line2(), w.city(), w.state(), postal, country,
                null, null, null, true);
        assertEquals(List.of(), check(w));
    }

    @Test
    void theMessageNamesTheCountryThatNeedsAPostalCode() {
        WarehouseValidator.Problem p = check(with("postalCode", null)).get(0);
        assertEquals("A postal code is required for China (CN).", p.message());
        assertEquals("'5181' is not a valid postal code for China (CN).",
                check(with("postalCode", "5181")).get(0).message());
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Warehouse w = new Warehouse("", "", null, "", null, "", null, null, "ZZ", null, "x", "y", true);
        List<WarehouseValidator.Problem> problems = check(w);
        assertEquals(List.of("code", "name", "line1", "city", "country", "phone", "email"),
                problems.stream().map(WarehouseValidator.Problem::field).toList());
        assertTrue(WarehouseValidator.describe(problems).contains("'ZZ' is not an ISO 3166 country code"));
    }
}
