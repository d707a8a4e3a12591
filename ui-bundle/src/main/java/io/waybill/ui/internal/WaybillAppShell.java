package io.waybill.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page shell: server push over long polling (plain HTTP, no websocket upgrade through the whiteboard) and the
 * Waybill style sheet, a plain CSS file served from {@code META-INF/resources/styles} at run time.
 *
 * <p>Known-harmless log lines of the push transport. Both come from Atmosphere 3.0.5.slf4jvaadin1 as embedded by Vaadin 24.9.14 on Jetty 12, when a
 * page is reloaded or left while its long poll is open (seen about once per ten page loads in the itests):
 * <ul>
 * <li>{@code ERROR AsynchronousProcessor Failed to cancel resource} with a {@code NullPointerException} in
 * {@code ServletApiRequest.getFields}: the leaving page's Atmosphere client sends its disconnect message
 * ({@code X-Atmosphere-Transport: close}); {@code OnDisconnectInterceptor} completes the lifecycle of the long-poll
 * resource, whose request Jetty 12 has already recycled, and reading a header of it fails. The resource is
 * destroyed all the same (Atmosphere catches it: "Something wrong happened, ignore the exception"). This one message
 * is dropped by a filter on that logger in the distribution's {@code etc/org.ops4j.pax.logging.cfg} (issue 13 item
 * 14); the logger's other messages stay. {@code LogNoiseIT} checks a browser session's log for it.</li>
 * <li>{@code ERROR PushAtmosphereHandler Exception in push connection} with a {@code NullPointerException} in
 * {@code DefaultAtmosphereResourceSessionFactory$1.onDisconnect}: the disconnect listener runs after the resource was
 * destroyed, Atmosphere's bug https://github.com/Atmosphere/atmosphere/issues/2527 (fixed upstream, backported for
 * Vaadin 23.6.5 in https://github.com/vaadin/flow/issues/22712, not in the Atmosphere build Vaadin 24.9.14 ships);
 * left at its level, as that logger also reports real push failures.</li>
 * </ul>
 * The connection is gone either way and the next page opens a new one; they go with a Vaadin release that embeds
 * a fixed Atmosphere.
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
