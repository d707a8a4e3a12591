package io.waybill.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection check on the Plugins page: a click makes a server round trip ({@code pong}), and a second later the
 * server pushes a change nobody asked for ({@code pushed}) — the Vaadin/Jetty-12 glue's push path end to end.
 */
@Order(3)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushIT {

    private Browser browser;

    @BeforeAll
    void openBrowser(WaybillDistribution waybill) {
        browser = Browser.open("push", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void pingAnswersPongAndTheServerPushesAfterwards() {
        // given
        browser.go("/plugins");
        assertEquals("", browser.textOf("ping-result"), "ping result before any click");
        assertEquals("", browser.textOf("push-result"), "push result before any click");

        // when
        long t0 = System.nanoTime();
        browser.byId("ping-button").click();

        // then: the round trip answers at once ...
        browser.await("ping-result 'pong 1'", () -> browser.textOf("ping-result").equals("pong 1"));
        double pongSeconds = (System.nanoTime() - t0) / 1e9;
        if (pongSeconds < 0.8) {
            assertEquals("", browser.textOf("push-result"),
                    "push-result must still be empty right after the click (the server pushes one second later)");
        }
        // ... and the push arrives without any further request from the page
        browser.await("push-result 'pushed 1'", Duration.ofSeconds(5),
                () -> browser.textOf("push-result").equals("pushed 1"));
        double pushSeconds = (System.nanoTime() - t0) / 1e9;
        browser.screenshot("10-ping-and-push");
        WaybillDistribution.figure("ping round trip / push after click",
                String.format(Locale.ROOT, "%.2f s / %.2f s", pongSeconds, pushSeconds));
        assertTrue(pushSeconds >= 0.9, "the push is scheduled one second after the click, came after " + pushSeconds
                + " s: was it really pushed?");
    }

    @Test
    @Order(2)
    void aSecondPingIsPushedToo() {
        // when
        browser.byId("ping-button").click();

        // then
        browser.await("ping-result 'pong 2'", () -> browser.textOf("ping-result").equals("pong 2"));
        browser.await("push-result 'pushed 2'", Duration.ofSeconds(5),
                () -> browser.textOf("push-result").equals("pushed 2"));
    }
}
