package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkPollingTest {

    @Test
    void aPagePollsWhileAnyOfItsWorkRunsAndStopsAfterTheLast() {
        // given
        UI ui = new UI();
        assertEquals(-1, ui.getPollInterval(), "a page does not poll by default");

        // when: two pieces of work start, the first ends
        WorkPolling.begin(ui);
        WorkPolling.begin(ui);
        WorkPolling.end(ui);

        // then: still polling for the second
        assertEquals(WorkPolling.INTERVAL_MS, ui.getPollInterval());
        assertEquals(1, WorkPolling.running(ui));

        // when: the second ends
        WorkPolling.end(ui);

        // then
        assertEquals(-1, ui.getPollInterval(), "no polling once no work runs");
        assertEquals(0, WorkPolling.running(ui));
    }

    @Test
    void anExtraEndNeverMakesTheCountNegative() {
        // given
        UI ui = new UI();

        // when
        WorkPolling.end(ui);
        WorkPolling.begin(ui);

        // then
        assertEquals(1, WorkPolling.running(ui));
        assertEquals(WorkPolling.INTERVAL_MS, ui.getPollInterval());
    }
}
