package io.waybill.carrier.shippo.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.PluginFixtures;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/** Shared test setup: WireMock, a configured gateway pointing at it, recorded bodies, a sample request. */
final class ShippoFixture {

    static final String TOKEN = "shippo_test_5f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8d";
    static final String CARRIER_ACCOUNT = "b741b99f95e841639b54272834bc478c";
    static final String TX_ID = "915d94940ea54c3a80cbfa328722f5a1";
    static final String KEY = "pkg-WB000123-1";
    /** The documented label_url of transaction-success.json; tests point it at WireMock. */
    static final String DOC_LABEL_URL = "https://shippo-delivery.s3.amazonaws.com/70ae8117ee1749e393f249d5b77c45e0.pdf"
            + "?Signature=vDw1ltcyGveVR1OQoUDdzC43BY8%3D&Expires=1437093830&AWSAccessKeyId=AKIAJTHP3LLFMYAWALIA";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private ShippoFixture() {
    }

    static WireMockExtension wireMock() {
        return PluginFixtures.wireMock();
    }

    /** A gateway configured against WireMock: synchronous, duplicate check off unless {@code overrides} say so. */
    static ShippoCarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl());
        values.put(".apiToken", TOKEN);
        values.put("carrierAccount", CARRIER_ACCOUNT);
        values.put("defaultServiceLevel", "usps_priority");
        values.put("duplicateCheckHours", 0);
        values.put("requestTimeoutSeconds", 20); // generous: a loaded CI machine is slow; timeout tests set their own
        values.putAll(overrides);
        ShippoCarrierGateway gateway = new ShippoCarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.configure(config(values));
        return gateway;
    }

    static ShippoCarrierGateway gateway(WireMockExtension wm) {
        return gateway(wm, Map.of());
    }

    /** An {@link ShippoConfig} the way Declarative Services builds one: given values, else the defaults. */
    static ShippoConfig config(Map<String, Object> values) {
        return PluginFixtures.config(ShippoConfig.class, values);
    }

    /** A recorded body from src/test/resources/io/waybill/carrier/shippo/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        return PluginFixtures.recorded(ShippoFixture.class, name);
    }

    static byte[] bytes(String name) {
        return PluginFixtures.bytes(ShippoFixture.class, name);
    }

    /** A package from a US warehouse to a Moscow recipient with a Chinese name and a Cyrillic street. */
    static ShipmentRequest request() {
        Address from = new Address("Mr. Hippo", "Waybill Warehouse", "215 Clayton St.", "", "San Francisco", "CA",
                "94117", "US", "+1 555 341 9393", "support@shippo.com");
        Address to = new Address("张伟", "", "ул. Тверская, 7", "кв. 12", "Москва", "", "125009", "RU",
                "+7 495 000 00 00", "");
        return new ShipmentRequest(KEY, "WB000123", "SO-1001", "", from, to, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 1, 1200)));
    }

    static Message only(Result<?> result) {
        return PluginFixtures.only(result);
    }
}
