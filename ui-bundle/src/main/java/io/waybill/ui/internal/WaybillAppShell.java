package io.waybill.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page shell: server push over long polling (plain HTTP, no websocket upgrade through the whiteboard) and the
 * Waybill style sheet, a plain CSS file served from {@code META-INF/resources/styles} at run time.
 *
 * <p>Known-harmless log lines of the push transport, left at their levels on purpose (their loggers also report real
 * push failures): when a browser drops an open long poll (page reloaded or closed, navigation), Atmosphere
 * 3.0.5.slf4jvaadin1 as embedded by Vaadin 24.9 may log {@code ERROR AsynchronousProcessor Failed to cancel
 * resource} (Jetty 12 has already recycled the request) or {@code ERROR PushAtmosphereHandler Exception in push
 * connection} with a {@code NullPointerException} in {@code DefaultAtmosphereResourceSessionFactory$1.onDisconnect}:
 * the disconnect listener runs after the resource was destroyed. That is Atmosphere's bug
 * https://github.com/Atmosphere/atmosphere/issues/2527 (fixed upstream; backported for Vaadin 23.6.5 in
 * https://github.com/vaadin/flow/issues/22712, not in the Atmosphere build Vaadin 24.9.14 ships). The connection
 * is gone either way and the next page opens a new one; it goes away with a Vaadin release that embeds the fix.
 */
@Push(transport = Transport.LONG_POLLING)
public class WaybillAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Waybill");
        settings.addLink("stylesheet", "styles/waybill.css");
        settings.addLink("stylesheet", "styles/waybill-scan.css");
        settings.addLink("icon", "styles/waybill-icon.svg");
    }
}
