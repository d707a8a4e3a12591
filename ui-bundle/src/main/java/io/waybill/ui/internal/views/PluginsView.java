package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.PluginSettingsService;
import io.waybill.core.model.PluginAccount;
import io.waybill.core.model.PluginType;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.i18n.Reasons;
import java.util.Map;
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
 * plugins are deployed or removed. For admins, the accounts and devices of the installed carrier and device plugins,
 * each created or edited in the form generated from the plugin's Metatype ({@link SettingsForm}, as for stores).
 * Also holds the connection check (click round trip + push).
 */
@Route(value = "plugins", layout = MainLayout.class)
public class PluginsView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<PluginInfo> grid = new Grid<>();
    private final Span count = new Span();
    private final ServiceNotice notice = new ServiceNotice();
    private final Span pingResult = new Span();
    private final Span pushResult = new Span();
    private final Div settings = new Div();
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
        grid.addColumn(p -> localised(p).name()).setKey("name").setHeader(getTranslation("plugin.name"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(p -> localised(p).description()).setKey("description")
                .setTooltipGenerator(p -> localised(p).description())
                .setHeader(getTranslation("plugin.description")).setFlexGrow(2);
        grid.addColumn(PluginInfo::bundleName).setKey("bundle").setHeader(getTranslation("plugin.bundle"))
                .setAutoWidth(true);
        grid.addColumn(PluginInfo::bundleVersion).setKey("version").setHeader(getTranslation("plugin.version"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("plugins.empty"));
        grid.setAllRowsVisible(true);

        settings.setId("plugin-settings");
        settings.addClassName("wb-card");
        add(titleRow, notice, grid, settings, connectionCheck());
    }

    /**
     * {@code plugin-settings} (users allowed to configure plugins): each installed carrier or device plugin kind with
     * its accounts or devices, New / Edit / Delete, the settings in the form generated from its Metatype.
     */
    private void reloadSettings() {
        settings.removeAll();
        boolean allowed = CurrentUser.get().map(u -> Permission.CONFIGURE_PLUGINS.allowedFor(u.roles())).orElse(false);
        settings.setVisible(allowed);
        if (!allowed) {
            return;
        }
        settings.add(new H3(getTranslation("plugins.settings")), new Paragraph(getTranslation("plugins.settingsHelp")));
        try {
            PluginSettingsService service = UiServices.pluginSettings();
            for (PluginType t : service.types(getLocale())) {
                Button add = new Button(getTranslation("plugins.new"), VaadinIcon.PLUS.create(), e -> openEditor(t, null));
                add.setId("plugin-new-" + t.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + t.id());
                add.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Div type = new Div(new H4(t.name() + " · " + getTranslation("plugin.kind." + t.kind().name())),
                        new Paragraph(t.description()), add);
                type.addClassName("plugin-type");
                for (PluginAccount a : service.accounts(t.pid())) {
                    Button edit = new Button(getTranslation("store.edit"), e -> openEditor(t, a));
                    edit.addClassName("plugin-edit");
                    Button delete = new Button(getTranslation("plugins.delete"), e -> DeleteConfirmation.open("plugins",
                            getTranslation("plugins.deleteTitle", a.pid()), getTranslation("plugins.deleteConfirm",
                                    t.name(), a.pid()), () -> UiServices.pluginSettings().delete(a.pid(), actor()),
                            this::reloadSettings));
                    delete.addClassName("plugin-delete");
                    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    for (Button b : List.of(edit, delete)) {
                        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                        b.getElement().setAttribute("data-pid", a.pid());
                    }
                    Div row = new Div(new Span(a.pid()), edit, delete);
                    row.addClassName("plugin-account");
                    type.add(row);
                }
                settings.add(type);
            }
        } catch (ServiceUnavailableException e) {
            settings.add(new Span(getTranslation("unavailable.service", e.serviceName())));
        } catch (OperationRefusedException e) {
            settings.add(new Span(Reasons.of(e)));
        }
    }

    private static String actor() {
        return CurrentUser.get().map(UserIdentity::name).orElse("unknown");
    }

    /** {@code plugin-dialog}: a new (account null) or existing account or device of a carrier or device plugin. */
    private void openEditor(PluginType type, PluginAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("plugin-dialog");
        dialog.setHeaderTitle(account == null ? getTranslation("plugins.newTitle", type.name())
                : getTranslation("plugins.editTitle", type.name(), account.pid()));
        dialog.setWidth("48rem");
        SettingsForm form = new SettingsForm();
        form.setId("plugin-form");
        form.show(type.settings(), account == null ? Map.of() : account.values(),
                account == null ? java.util.Set.of() : account.secretsSet(), "plugin-setting-");
        Span error = new Span();
        error.setId("plugin-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(form, error);
        Button save = new Button(getTranslation("store.save"));
        save.setId("plugin-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                PluginAccount saved = UiServices.pluginSettings().save(type.pid(),
                        account == null ? null : account.pid(), form.values(), actor());
                dialog.close();
                reloadSettings();
                BatchUi.info(getTranslation("plugins.saved", type.name(), saved.pid()));
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            } catch (ServiceUnavailableException ex) {
                error.setText(getTranslation("unavailable.service", ex.serviceName()));
                error.setVisible(true);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("plugin-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
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

    /** Name and description of the installed plugins' Metatype in the UI's language (empty when unavailable). */
    private PluginTexts texts = PluginTexts.of(List.of());

    private List<PluginType> typesInUiLanguage() {
        try {
            return registry.installedTypes(getLocale());
        } catch (RuntimeException e) {
            return List.of(); // no settings service: the plugins' own (English) words
        }
    }

    private PluginTexts.Text localised(PluginInfo p) {
        return texts.of(p);
    }

    private void reload() {
        if (registry == null) {
            return;
        }
        try {
            List<PluginInfo> plugins = registry.plugins();
            texts = PluginTexts.of(typesInUiLanguage());
            grid.setItems(plugins);
            count.setText(getTranslation("plugins.count", plugins.size()));
            reloadSettings();
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
