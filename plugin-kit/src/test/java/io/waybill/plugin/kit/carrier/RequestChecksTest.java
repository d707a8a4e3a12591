package io.waybill.plugin.kit.carrier;

import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.waybill.plugin.kit.carrier.RequestChecks.country;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineMax;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineQuantity;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineRequired;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineUnitWeight;
import static io.waybill.plugin.kit.carrier.RequestChecks.max;
import static io.waybill.plugin.kit.carrier.RequestChecks.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequestChecksTest {

    private static final Address TO = new Address("Erika Mustermann", null, "Hauptstr. 1", "Hof", "Berlin", null,
            "10115", "de", "+49 30 1234", null);
    private static final Address SHORT = new Address("Max", null, "Ring 2", null, "Bonn", null, null, "DE", "12345",
            null);
    private static final ShipmentRequest.Item LINE = new ShipmentRequest.Item("SKU-1", "Mug", 2, 300);

    private static final RequestChecks ACME = RequestChecks.of("Acme")
            .idempotencyKey("ref", "ref (the idempotency key)", 8)
            .service(r -> RequestChecks.service(r, "STD"), "no Acme product", "product", 3)
            .weight()
            .recipient(country("recipient"), required("recipient name", Address::name, 10),
                    required("recipient street", RequestChecks::street), max("recipient phone", Address::phone, 5))
            .sender("no sender address (the warehouse)", required("sender city", Address::city))
            .noLines("no contents")
            .eachLine(lineRequired("English name", ShipmentRequest.Item::description), lineQuantity(),
                    lineUnitWeight(), lineMax("SKU", ShipmentRequest.Item::sku, 3))
            .build();

    private static ShipmentRequest request(String key, String service, Address sender, Address to, int grams,
                                           ShipmentRequest.Item... items) {
        return new ShipmentRequest(key, "P-1", "O-1", service, sender, to, grams,
                items == null ? null : Arrays.asList(items));
    }

    @Test
    void everyProblemInTheOrderOfTheChecks_inThePluginsWords() {
        // given a request that breaks each check once
        ShipmentRequest r = request(" ", "EXPRESS", null, TO, 0, LINE, null,
                new ShipmentRequest.Item("S", " ", 0, 0));

        // when
        List<String> problems = ACME.problems(r);

        // then
        assertEquals(List.of(
                "no idempotency key (Acme's ref)",
                "product has 7 characters; Acme takes at most 3",
                "the weight must be more than 0 g",
                "recipient name has 16 characters; Acme takes at most 10",
                "recipient phone has 11 characters; Acme takes at most 5",
                "no sender address (the warehouse)",
                "line 1 SKU has 5 characters; Acme takes at most 3",
                "line 2 is empty",
                "no line 3 English name",
                "line 3 quantity must be more than 0",
                "line 3 unit weight must be more than 0 g"), problems);
    }

    @Test
    void aGoodRequestHasNoProblemsAndNoRefusal() {
        Address from = new Address("Depot", null, "Rd 1", null, "Shenzhen", null, null, "CN", null, null);
        ShipmentRequest r = request("K-1", null, from, SHORT, 600, new ShipmentRequest.Item("S1", "Mug", 2, 300));

        assertEquals(List.of(), ACME.problems(r));
        assertNull(ACME.refusal(r));
        assertEquals("STD", RequestChecks.service(r, " STD "));
    }

    @Test
    void theRefusalNamesThePackageAndTheProvider_andNoRequestIsRefusedToo() {
        ShipmentRequest r = request("a-key-that-is-long", "STD", null, SHORT, 10, LINE);

        Message m = ACME.refusal(r);

        assertEquals(MessageCodes.BAD_REQUEST, m.code());
        assertEquals("Cannot send package P-1 to Acme: ref (the idempotency key) has 18 characters; Acme takes at "
                + "most 8; no sender address (the warehouse); line 1 SKU has 5 characters; Acme takes at most 3.",
                m.text());
        assertEquals("No shipment request given.", ACME.refusal(null).text());
        assertEquals(MessageCodes.BAD_REQUEST, ACME.refusal(null).code());
    }

    @Test
    void missingPartsAndOwnWords() {
        RequestChecks checks = RequestChecks.of("Acme")
                .sender("no sender address")
                .recipient(country("recipient"))
                .weight(g -> "weight must be positive, was " + g + " g")
                .service(r -> RequestChecks.service(r, null), "no service level")
                .noLines("no contents")
                .build();
        ShipmentRequest none = new ShipmentRequest(null, "P-2", null, null, null, null, -5, null);
        ShipmentRequest badCountry = new ShipmentRequest(null, "P-3", null, "X", null,
                new Address("N", null, null, null, null, null, null, " deu ", null, null), 1, List.of(LINE));

        assertEquals(List.of("no sender address", "no recipient address", "weight must be positive, was -5 g",
                "no service level", "no contents"), checks.problems(none));
        assertEquals(List.of("no sender address", "recipient country 'DEU' is not a 2-letter ISO code"),
                checks.problems(badCountry));
    }

    @Test
    void sharedHelpers() {
        assertEquals("Hauptstr. 1, Hof", RequestChecks.street(TO));
        assertEquals("Hof", RequestChecks.street(new Address(null, null, " ", " Hof ", null, null, null, null, null,
                null)));
        assertEquals("", RequestChecks.upper(null));
        assertEquals("DE", RequestChecks.upper(" de "));
        assertEquals("", RequestChecks.service(request("k", "  ", null, SHORT, 1), null));
        assertEquals("EXP", RequestChecks.service(request("k", " EXP ", null, SHORT, 1), "STD"));
        assertEquals(27, RequestChecks.EU.size());
    }
}
