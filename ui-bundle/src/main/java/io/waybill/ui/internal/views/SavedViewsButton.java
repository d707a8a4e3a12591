package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Views" of Delivery Management (issue 13 item 12): a button ({@code saved-views}) opening the dialog
 * {@code saved-views-dialog} that saves the list as shown now (tab, search, filters, sort) under a name
 * ({@code saved-view-name}, {@code saved-view-save}; a refusal stays on the name field), lists the user's saved views
 * ({@code saved-view-list}: each with {@code saved-view-open-<id>} and {@code saved-view-delete-<id>}) and opens one
 * (navigates to its tab with its URL state). Kept per user in the core ({@link SavedViews}).
 */
final class SavedViewsButton extends Button {

    private static final Logger LOG = LoggerFactory.getLogger(SavedViewsButton.class);

    /** What the list shows now. */
    record Current(DeliveryTab tab, DeliveryUrlState state) {
    }

    private final String user;
    private final Supplier<Current> current;

    /**
     * @param user    the signed-in user (null: the button is not shown; views belong to a user)
     * @param current the list's tab and state when the user saves
     */
    SavedViewsButton(String user, Supplier<Current> current) {
        this.user = user;
        this.current = current;
        setText(getTranslation("views.button"));
        setIcon(VaadinIcon.BOOKMARK_O.create());
        setId("saved-views");
        addClassName("wb-saved-views");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        getElement().setAttribute("aria-haspopup", "dialog");
        getElement().setAttribute("title", getTranslation("views.help"));
        setVisible(user != null);
        addClickListener(e -> open());
    }

    private void open() {
        SavedViews views;
        try {
            views = new SavedViews(UiServices.preferences(), user);
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("saved-views-dialog");
        dialog.setHeaderTitle(getTranslation("views.title"));
        dialog.setWidth("min(36rem, 95vw)");

        TextField name = new TextField(getTranslation("views.name"));
        name.setId("saved-view-name");
        name.setMaxLength(SavedViews.MAX_NAME);
        name.setPlaceholder(getTranslation("views.name.placeholder"));
        name.setHelperText(describe(current.get().tab(), current.get().state()));
        name.addClassName("wb-saved-view-name");
        // the value arrives with each keystroke, so Enter saves what was typed
        name.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        Button save = new Button(getTranslation("views.save"));
        save.setId("saved-view-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div saveRow = new Div(name, save);
        saveRow.addClassName("wb-saved-view-save");

        Div list = new Div();
        list.setId("saved-view-list");
        list.addClassName("wb-saved-view-list");
        Runnable[] refresh = new Runnable[1];
        refresh[0] = () -> fill(list, views, dialog, refresh[0]);
        refresh[0].run();

        Runnable doSave = () -> {
            Current now = current.get();
            try {
                SavedViews.View saved = views.save(name.getValue(), now.tab(), now.state());
                name.setInvalid(false);
                name.clear();
                refresh[0].run();
                BatchUi.info(getTranslation("views.saved", saved.name()));
            } catch (SavedViews.Refused ex) {
                name.setErrorMessage(getTranslation("views.refused." + ex.code(), SavedViews.MAX_NAME,
                        SavedViews.MAX_VIEWS));
                name.setInvalid(true);
            } catch (ServiceUnavailableException | OperationRefusedException ex) {
                LOG.warn("Saving view of {} refused", user, ex);
                name.setErrorMessage(getTranslation("views.notSaved"));
                name.setInvalid(true);
            }
        };
        save.addClickListener(e -> doSave.run());
        name.getElement().addEventListener("keydown", e -> doSave.run()).setFilter("event.key === 'Enter'");

        Paragraph hint = new Paragraph(getTranslation("views.hint"));
        hint.addClassName("wb-muted");
        dialog.add(saveRow, hint, list);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("saved-views-close");
        dialog.getFooter().add(close);
        dialog.open();
        name.focus();
    }

    /** The saved views, each with open and delete; a line saying so when there are none. */
    private void fill(Div list, SavedViews views, Dialog dialog, Runnable refresh) {
        list.removeAll();
        List<SavedViews.View> all;
        try {
            all = views.list();
        } catch (ServiceUnavailableException | OperationRefusedException e) {
            LOG.warn("Reading the views of {} failed", user, e);
            list.add(new Span(getTranslation("views.notRead")));
            return;
        }
        if (all.isEmpty()) {
            Span none = new Span(getTranslation("views.none"));
            none.setId("saved-view-none");
            none.addClassName("wb-muted");
            list.add(none);
            return;
        }
        for (SavedViews.View view : all) {
            Button openIt = new Button(view.name(), e -> {
                dialog.close();
                UI.getCurrent().navigate(view.route(), new QueryParameters(view.state().toParameters()));
            });
            openIt.setId("saved-view-open-" + view.id());
            openIt.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            openIt.addClassName("wb-saved-view-open");
            Span what = new Span(describe(view.tab(), view.state()));
            what.addClassName("wb-muted");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                try {
                    views.delete(view.id());
                    BatchUi.info(getTranslation("views.deleted", view.name()));
                } catch (ServiceUnavailableException | OperationRefusedException ex) {
                    LOG.warn("Deleting view {} of {} failed", view.id(), user, ex);
                    BatchUi.error(getTranslation("views.notDeleted"));
                }
                refresh.run();
            });
            delete.setId("saved-view-delete-" + view.id());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
            delete.setAriaLabel(getTranslation("views.delete", view.name()));
            delete.setTooltipText(getTranslation("views.delete", view.name()));
            Div row = new Div(openIt, what, delete);
            row.addClassName("wb-saved-view");
            list.add(row);
        }
    }

    /** "Tracked · search “ann” · all statuses · 2 filters · sorted": what a view shows, in the UI language. */
    private String describe(DeliveryTab tab, DeliveryUrlState state) {
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation("tab." + tab.slug()));
        if (!state.text().isEmpty()) {
            parts.add(getTranslation("views.summary.search", state.text()));
        }
        if (state.allStatuses()) {
            parts.add(getTranslation("filter.allStatuses"));
        }
        int filters = state.stores().size() + state.countries().size() + state.carriers().size()
                + state.methods().size() + state.tags().size() + (state.from() == null ? 0 : 1)
                + (state.to() == null ? 0 : 1) + (state.sku().isEmpty() ? 0 : 1);
        if (filters > 0) {
            parts.add(getTranslation("views.summary.filters", filters));
        }
        if (!state.sort().isEmpty()) {
            parts.add(getTranslation("views.summary.sorted"));
        }
        return String.join(" · ", parts);
    }
}
