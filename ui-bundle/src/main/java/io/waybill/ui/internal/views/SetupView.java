package io.waybill.ui.internal.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.model.SetupChecklist;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code /setup}: the first-run checklist (warehouse, products, store, shipping method, first order), each step with
 * what is done and a link to the page that does it. The core computes it ({@code SetupService}); this view only shows
 * it. Admins only; an admin's start page while a step is not done ({@link #startPath}).
 */
@Route(value = "setup", layout = MainLayout.class)
public class SetupView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ServiceNotice notice = new ServiceNotice();
    private final Div body = new Div();

    /** Whether the user sees the checklist (admins: they may do every step). */
    public static boolean allowed(Optional<UserIdentity> user) {
        return user.map(u -> u.hasRole(UserIdentity.ADMIN)).orElse(false);
    }

    /**
     * Where a signed-in user starts: the checklist for an admin while it is not complete (the core's rule), otherwise
     * Waiting for Delivery. Without the core the operators' page, which shows its own notice.
     */
    public static String startPath() {
        try {
            if (CurrentUser.get().map(u -> UiServices.setup().startsWithChecklist(u)).orElse(false)) {
                return "setup";
            }
        } catch (ServiceUnavailableException e) {
            // fall through: the delivery page tells the user the core is not available
        }
        return "delivery/" + DeliveryTab.DEFAULT.slug();
    }

    /** The page (route) each step is done on. */
    static String pathOf(SetupChecklist.Kind kind) {
        return switch (kind) {
            case WAREHOUSE -> "warehouses";
            case PRODUCTS -> "products";
            case STORE -> "stores";
            case SHIPPING_METHOD -> "settings/shipping";
            case FIRST_ORDER -> "orders/import";
        };
    }

    public SetupView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("setup.title")));
        titleRow.addClassName("wb-title-row");
        body.setWidthFull();
        add(titleRow, notice, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("setup.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        SetupChecklist list;
        try {
            list = UiServices.setup().checklist();
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        Paragraph intro = new Paragraph(getTranslation(list.complete() ? "setup.complete" : "setup.intro"));
        intro.setId("setup-summary");
        OrderedList steps = new OrderedList();
        steps.setId("setup-steps");
        for (SetupChecklist.Step step : list.steps()) {
            String key = step.kind().name().toLowerCase(Locale.ROOT);
            Icon icon = step.done() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CIRCLE_THIN.create();
            icon.getElement().setAttribute("aria-hidden", "true");
            icon.addClassName(step.done() ? "wb-ok" : "wb-muted");
            icon.getStyle().set("margin-inline-end", "var(--lumo-space-s)");
            Anchor link = new Anchor(pathOf(step.kind()), getTranslation("setup.step." + key));
            link.setId("setup-link-" + key);
            Span state = new Span(step.done()
                    ? getTranslation("setup.done", step.count())
                    : getTranslation("setup.todo"));
            state.setId("setup-state-" + key);
            Span hint = new Span(getTranslation("setup.hint." + key));
            hint.addClassName("wb-muted");
            ListItem item = new ListItem(icon, link, new Span(" — "), state, new Div(hint));
            item.setId("setup-step-" + key);
            item.getElement().setAttribute("data-done", String.valueOf(step.done()));
            steps.add(item);
        }
        body.add(intro, steps);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " · Waybill";
    }
}
