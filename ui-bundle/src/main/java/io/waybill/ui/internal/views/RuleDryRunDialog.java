package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.waybill.core.api.RuleService;
import io.waybill.core.model.RuleDryRun;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;
import java.util.Locale;

/**
 * The dry run of the logistics rules over a selection (issue 14): per package what each action kind would get and
 * from which rule, and every skipped rule with why (the row's details). Changes nothing.
 */
final class RuleDryRunDialog {

    /** Rows whose skipped rules are shown open at once (larger runs: click a row). */
    static final int OPEN_DETAILS = 20;

    private RuleDryRunDialog() {
    }

    /** Runs the dry run for these packages on a worker and shows it. */
    static void open(List<Long> packageIds, String viewer) {
        UI ui = UI.getCurrent();
        RuleService rules;
        try {
            rules = UiServices.rules();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(ui.getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String title = ui.getTranslation("rules.dryRun.title");
        BatchUi.work(title, () -> rules.dryRun(packageIds, viewer), runs -> show(ui, title, runs));
    }

    private static void show(UI ui, String title, List<RuleDryRun> runs) {
        Locale locale = ui.getLocale();
        Dialog dialog = new Dialog();
        dialog.setId("rule-dry-run-dialog");
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(72rem, 96vw)");
        Span intro = new Span(ui.getTranslation("rules.dryRun.intro", runs.size()));
        intro.setId("rule-dry-run-intro");
        intro.addClassName("wb-muted");
        Grid<RuleDryRun> grid = new Grid<>();
        grid.setId("rule-dry-run-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RuleDryRun::packageNo).setKey("package").setHeader(ui.getTranslation("col.packageNo"))
                .setAutoWidth(true).setFlexGrow(0);
        for (String kind : List.of("WAREHOUSE", "SHIPPING_METHOD", "HOLD", "TAG")) {
            grid.addColumn(r -> RuleTexts.decision(r, kind, ui::getTranslation)).setKey(kind.toLowerCase(Locale.ROOT))
                    .setHeader(ui.getTranslation("rules.kind." + kind)).setFlexGrow(1).setResizable(true);
        }
        grid.addColumn(r -> String.valueOf(r.skips().size())).setKey("skipped")
                .setHeader(ui.getTranslation("rules.dryRun.skipped")).setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(r -> {
            UnorderedList list = new UnorderedList();
            list.addClassName("wb-skips");
            for (RuleDryRun.Skip s : r.skips()) {
                list.add(new ListItem(RuleTexts.skip(s, locale, ui::getTranslation)));
            }
            if (r.skips().isEmpty()) {
                list.add(new ListItem(ui.getTranslation("rules.dryRun.noSkips")));
            }
            return new Div(list);
        }));
        grid.setDetailsVisibleOnClick(true);
        grid.setItems(runs);
        if (runs.size() <= OPEN_DETAILS) {
            runs.forEach(r -> grid.setDetailsVisible(r, true));
        }
        grid.setEmptyStateText(ui.getTranslation("rules.dryRun.empty"));
        grid.setHeight("min(36rem, 70vh)");
        dialog.add(intro, grid);
        Button close = new Button(ui.getTranslation("action.close"), e -> dialog.close());
        close.setId("rule-dry-run-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
