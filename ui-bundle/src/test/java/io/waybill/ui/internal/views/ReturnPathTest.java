package io.waybill.ui.internal.views;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReturnPathTest {

    @ParameterizedTest
    @CsvSource({
            "delivery/tracked?q=ann&scope=all, delivery/tracked?q=ann&scope=all",
            "/delivery/printed?sort=created.desc, delivery/printed?sort=created.desc",
            "package/42, package/42",
            "stock, stock",
    })
    void samesitePathsAreKept(String next, String expected) {
        assertEquals(Optional.of(expected), ReturnPath.of(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
            "\\\\evil", "login", "/login?next=delivery", "delivery/../../etc", "", " ", "http:/x",
            "VAADIN/static/x", "delivery\nx"})
    void otherPlacesAreRefused(String next) {
        assertEquals(Optional.empty(), ReturnPath.of(next));
    }
}
