package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.PluginRegistry;
import io.waybill.core.model.PluginInfo;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /plugins}: the carrier, platform and device plugins registered now, updated live by server push when
 * plugins are deployed or removed. Also holds the connection check (click round trip + push).
 */
@Route(value = "plugins", layout = MainLayout.class)
public class PluginsView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<PluginInfo> grid = new Grid<>();
    private final Span count = new Span();
    private final ServiceNotice notice = new ServiceNotice();
    private final Span pingResult = new Span();
    private final Span pushResult = new Span();
    private PluginRegistry registry;
    private Runnable listener;
    private int pings;

    public PluginsView() {
        addClassName("wb-page");
        setSizeFull();

        count.setId("plugin-count");
        count.addClassName("wb-badge");
        Div titleRow = new Div(new H2(getTranslation("plugins.title")), count);
        titleRow.addClassName("wb-title-row");

        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> getTranslation("plugin.kind." + p.kind().name())).setKey("kind")
                .setHeader(getTranslation("plugin.kind")).setAutoWidth(true).setSortable(true);
        grid.addColumn(PluginInfo::id).setKey("id").setHeader(getTranslation("plugin.id"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(PluginInfo::displayName).setKey("name").setHeader(getTranslation("plugin.name"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(PluginInfo::description).setKey("description").setTooltipGenerator(PluginInfo::description)
                .setHeader(getTranslation("plugin.description")).setFlexGrow(2);
        grid.addColumn(PluginInfo::bundleName).setKey("bundle").setHeader(getTranslation("plugin.bundle"))
                .setAutoWidth(true);
        grid.addColumn(PluginInfo::bundleVersion).setKey("version").setHeader(getTranslation("plugin.version"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("plugins.empty"));
        grid.setAllRowsVisible(true);

        add(titleRow, notice, grid, connectionCheck());
    }

    private Div connectionCheck() {
        Button ping = new Button(getTranslation("check.ping"), VaadinIcon.EXCHANGE.create(), e -> ping());
        ping.setId("ping-button");
        pingResult.setId("ping-result");
        pushResult.setId("push-result");
        Div results = new Div(
                new Div(new Span(getTranslation("check.reply")), pingResult),
                new Div(new Span(getTranslation("check.push")), pushResult));
        results.addClassName("wb-check-results");
        Div card = new Div(new H3(getTranslation("check.title")), new Paragraph(getTranslation("check.help")),
                ping, results);
        card.setId("connection-check");
        card.addClassName("wb-card");
        return card;
    }

    private void ping() {
        int n = ++pings;
        // "pong"/"pushed" are protocol tokens checked by the browser test, not prose: not translated
        pingResult.setText("pong " + n);
        UI ui = UI.getCurrent();
        UiServices.scheduler().schedule(() -> push(ui, () -> pushResult.setText("pushed " + n)),
                1, TimeUnit.SECONDS);
    }

    private static void push(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            // the page was closed meanwhile: nothing to update
        }
    }

    private void reload() {
        if (registry == null) {
            return;
        }
        try {
            List<PluginInfo> plugins = registry.plugins();
            grid.setItems(plugins);
            count.setText(getTranslation("plugins.count", plugins.size()));
        } catch (RuntimeException e) {
            // the registry went away between the event and this update
            notice.show(new ServiceUnavailableException("PluginRegistry"));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        try {
            registry = UiServices.plugins();
            listener = () -> push(ui, this::reload);
            registry.addListener(listener);
            notice.clear();
            reload();
        } catch (ServiceUnavailableException e) {
            registry = null;
            notice.show(e);
            count.setText("–");
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registry != null && listener != null) {
            registry.removeListener(listener);
        }
        registry = null;
        listener = null;
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plugins.title") + " · Waybill";
    }
}
