package io.waybill.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page shell: server push over long polling (plain HTTP, no websocket upgrade through the whiteboard) and the
 * Waybill style sheet, a plain CSS file served from {@code META-INF/resources/styles} at run time.
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
