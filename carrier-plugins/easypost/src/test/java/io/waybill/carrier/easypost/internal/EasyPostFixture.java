package io.waybill.carrier.easypost.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.PluginFixtures;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/** Shared test setup: WireMock, a configured gateway pointing at it, recorded bodies, a sample request. */
final class EasyPostFixture {

    static final String API_KEY = "EZTK0c5b1a2f3e4d5c6b7a8f9e0d1c2b3a";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    static final String KEY = "pkg-WB000123-1";
    /** Shipment id of shipment-create.json. */
    static final String CREATED_ID = "shp_a9b97f431c00435cb16ec2d6a14ed109";
    /** Shipment id and tracking code of shipment-buy.json. */
    static final String BOUGHT_ID = "shp_40b6f049f00348b18de3804a26f7fd62";
    static final String BOUGHT_TRACKING = "9434600208303109842228";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private EasyPostFixture() {
    }

    static WireMockExtension wireMock() {
        return PluginFixtures.wireMock();
    }

    static EasyPostCarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl());
        values.put(".apiKey", API_KEY);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; timeout tests set their own
        values.putAll(overrides);
        EasyPostCarrierGateway gateway = new EasyPostCarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.configure(config(values));
        return gateway;
    }

    static EasyPostCarrierGateway gateway(WireMockExtension wm) {
        return gateway(wm, Map.of());
    }

    /** An {@link EasyPostConfig} the way Declarative Services builds one: given values, else the defaults. */
    static EasyPostConfig config(Map<String, Object> values) {
        return PluginFixtures.config(EasyPostConfig.class, values);
    }

    /** A recorded body from src/test/resources/io/waybill/carrier/easypost/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        return PluginFixtures.recorded(EasyPostFixture.class, name);
    }

    static byte[] bytes(String name) {
        return PluginFixtures.bytes(EasyPostFixture.class, name);
    }

    /** The documented sender, and a Moscow recipient with a Chinese name and a Cyrillic street. */
    static ShipmentRequest request(String serviceCode) {
        Address from = new Address("EasyPost", "", "417 Montgomery Street", "5th Floor", "San Francisco", "CA",
                "94104", "US", "4153334445", "support@easypost.com");
        Address to = new Address("张伟", "", "ул. Тверская, 7", "кв. 12", "Москва", "", "125009", "RU",
                "+7 495 000 00 00", "");
        return new ShipmentRequest(KEY, "WB000123", "SO-1001", serviceCode, from, to, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 1, 1200)));
    }

    static ShipmentRequest request() {
        return request("");
    }

    static Message only(Result<?> result) {
        return PluginFixtures.only(result);
    }
}
