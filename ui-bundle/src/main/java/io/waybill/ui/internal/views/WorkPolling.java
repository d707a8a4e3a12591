package io.waybill.ui.internal.views;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * While background work started from a page runs (a batch, a file check, a PDF), the page also polls the server.
 * The work reports its progress and its result by server push over long polling; a push lost on that connection (the
 * long poll broken while the message was on its way, seen as a dialog stuck on "working" in a full test run) would
 * otherwise leave the operator looking at a progress bar that never ends. A poll is an ordinary request, and every
 * response carries all the changes the page has not seen yet, so the result arrives within one interval at worst.
 * Polling stops when the last running work of the page has ended.
 *
 * <p>Both methods run on the UI (under its session lock).
 */
final class WorkPolling {
    /** How often a page with work running asks for changes push may have lost. */
    static final int INTERVAL_MS = 1500;
    private static final String RUNNING = "waybill.work.running";

    private WorkPolling() {
    }

    /** Work of this page has started. */
    static void begin(UI ui) {
        int running = running(ui) + 1;
        ComponentUtil.setData(ui, RUNNING, running);
        if (running == 1) {
            ui.setPollInterval(INTERVAL_MS);
        }
    }

    /** Work of this page has ended (once per {@link #begin}). */
    static void end(UI ui) {
        int running = Math.max(0, running(ui) - 1);
        ComponentUtil.setData(ui, RUNNING, running);
        if (running == 0) {
            ui.setPollInterval(-1);
        }
    }

    /** How many pieces of work of this page are running (tests). */
    static int running(UI ui) {
        Object n = ComponentUtil.getData(ui, RUNNING);
        return n instanceof Integer i ? i : 0;
    }
}
