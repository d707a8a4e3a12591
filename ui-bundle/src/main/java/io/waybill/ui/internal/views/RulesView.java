package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.Warehouse;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /settings/rules}: the logistics rules (物流规则, issue 14) in priority order: add one (conditions and
 * actions), edit one in place (the same form), switch on/off, move up/down or drag a row to its place, delete, and
 * dry-run them over package numbers or the waiting packages.
 * Supervisors and admins (the core checks {@code SET_SHIPPING_METHOD} for every change).
 */
@Route(value = "settings/rules", layout = MainLayout.class)
public class RulesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Packages the "all waiting" dry run reads at most. */
    static final int DRY_RUN_MAX = 500;

    private final ServiceNotice notice = new ServiceNotice();
    private final Grid<LogisticsRule> grid = new Grid<>();
    private final TextField name = new TextField();
    private final Checkbox enabled = new Checkbox();
    private final Select<String> conditionKind = new Select<>();
    private final TextField conditionValue = new TextField();
    private final List<String> conditions = new ArrayList<>();
    private final Div conditionList = new Div();
    private final ComboBox<String> warehouse = new ComboBox<>();
    private final ComboBox<String> carrier = new ComboBox<>();
    private final TextField service = new TextField();
    private final TextField hold = new TextField();
    private final TextField tag = new TextField();
    private final Span error = new Span();
    private final H3 formTitle = new H3();
    private final Button save = new Button();
    private final Button cancelEdit = new Button();
    /** The rule the form edits, or null when it adds one. */
    private LogisticsRule editing;
    /** The row being dragged, or null. */
    private LogisticsRule dragged;
    private List<String> warehouseCodes = List.of();
    private List<String> carrierIds = List.of();
    private final TextField dryRunPackages = new TextField();
    private final Div body = new Div();
    private final String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");

    public RulesView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("rules.title")));
        titleRow.addClassName("wb-title-row");
        add(titleRow, notice, body);
        body.setWidthFull();
        // once per view: build() runs again on every navigation to the page
        save.addClickListener(e -> save());
        cancelEdit.addClickListener(e -> resetForm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!ShippingMethodsView.allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("rules.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        build();
    }

    private void build() {
        Paragraph intro = new Paragraph(getTranslation("rules.intro"));
        intro.addClassName("wb-muted");
        grid.setId("rules-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (grid.getColumns().isEmpty()) {
            grid.addColumn(r -> String.valueOf(r.position())).setKey("position").setHeader("#").setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(LogisticsRule::name).setKey("name").setHeader(getTranslation("rules.name"))
                    .setAutoWidth(true).setFlexGrow(1);
            grid.addComponentColumn(this::enabledToggle).setKey("enabled").setHeader(getTranslation("rules.enabled"))
                    .setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(r -> r.conditions().isEmpty() ? getTranslation("rules.always")
                    : String.join("; ", r.conditions())).setKey("conditions")
                    .setHeader(getTranslation("rules.conditions")).setFlexGrow(2);
            grid.addColumn(r -> String.join("; ", r.actions())).setKey("actions")
                    .setHeader(getTranslation("rules.actions")).setFlexGrow(2);
            grid.addComponentColumn(this::rowButtons).setKey("move").setHeader("").setAutoWidth(true)
                    .setFlexGrow(0);
            grid.setEmptyStateText(getTranslation("rules.empty"));
            grid.setAllRowsVisible(true);
            grid.setRowsDraggable(true);
            grid.setDropMode(GridDropMode.BETWEEN);
            grid.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null
                    : e.getDraggedItems().get(0));
            grid.addDragEndListener(e -> dragged = null);
            grid.addDropListener(e -> {
                LogisticsRule from = dragged;
                LogisticsRule target = e.getDropTargetItem().orElse(null);
                if (from != null && target != null) {
                    int to = dropPosition(from.position(), target.position(),
                            e.getDropLocation() == GridDropLocation.BELOW);
                    if (to != from.position()) {
                        change(() -> UiServices.rules().move(from.id(), to, actor));
                    }
                }
            });
        }
        formTitle.setId("rule-form-title");
        formTitle.setText(getTranslation("rules.formTitle"));
        body.add(intro, grid, formTitle, form(), new H3(getTranslation(
                "rules.dryRun.title")), dryRunForm());
        reload();
    }

    private Div form() {
        editing = null;
        name.setId("rule-name");
        name.setLabel(getTranslation("rules.name"));
        name.setMaxLength(100);
        enabled.setId("rule-enabled");
        enabled.setLabel(getTranslation("rules.enabled"));
        enabled.setValue(true);
        conditionKind.setId("rule-condition-kind");
        conditionKind.setLabel(getTranslation("rules.condition"));
        conditionKind.setItems(RuleTexts.CONDITION_KINDS);
        conditionKind.setItemLabelGenerator(k -> getTranslation("rules.condition." + k));
        conditionKind.setValue("country");
        conditionKind.addValueChangeListener(e -> conditionValue.setPlaceholder(
                getTranslation("rules.condition.example." + e.getValue())));
        conditionValue.setId("rule-condition-value");
        conditionValue.setLabel(getTranslation("rules.conditionValue"));
        conditionValue.setPlaceholder(getTranslation("rules.condition.example.country"));
        Button addCondition = new Button(getTranslation("rules.addCondition"), e -> addCondition());
        addCondition.setId("rule-condition-add");
        conditionList.setId("rule-conditions");
        conditionList.addClassName("wb-chips");
        showConditions();

        warehouse.setId("rule-action-warehouse");
        warehouse.setLabel(getTranslation("rules.kind.WAREHOUSE"));
        warehouse.setClearButtonVisible(true);
        carrier.setId("rule-action-carrier");
        carrier.setLabel(getTranslation("shipping.carrier"));
        carrier.setAllowCustomValue(true);
        carrier.addCustomValueSetListener(e -> carrier.setValue(e.getDetail()));
        carrier.setClearButtonVisible(true);
        service.setId("rule-action-service");
        service.setLabel(getTranslation("shipping.service"));
        hold.setId("rule-action-hold");
        hold.setLabel(getTranslation("rules.holdReason"));
        hold.setMaxLength(200);
        tag.setId("rule-action-tag");
        tag.setLabel(getTranslation("rules.kind.TAG"));
        try {
            warehouseCodes = UiServices.warehouses().list().stream().filter(Warehouse::enabled)
                    .map(Warehouse::code).toList();
            warehouse.setItems(warehouseCodes);
            carrierIds = UiServices.plugins().plugins().stream()
                    .filter(p -> p.kind() == PluginInfo.Kind.CARRIER).map(PluginInfo::id).toList();
            carrier.setItems(carrierIds);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        error.setId("rule-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        save.setText(getTranslation("rules.add"));
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancelEdit.setText(getTranslation("rules.cancelEdit"));
        cancelEdit.setId("rule-cancel-edit");
        cancelEdit.setVisible(false);

        Div head = new Div(name, enabled);
        head.addClassName("wb-filters");
        Div when = new Div(conditionKind, conditionValue, addCondition);
        when.addClassName("wb-filters");
        Div then = new Div(warehouse, carrier, service, hold, tag);
        then.addClassName("wb-filters");
        Span whenLabel = new Span(getTranslation("rules.conditions"));
        whenLabel.addClassName("wb-label");
        Span thenLabel = new Span(getTranslation("rules.actions"));
        thenLabel.addClassName("wb-label");
        Div form = new Div(head, whenLabel, when, conditionList, thenLabel, then, new Div(save, cancelEdit), error);
        form.setId("rule-form");
        return form;
    }

    private Div dryRunForm() {
        dryRunPackages.setId("rule-dry-run-packages");
        dryRunPackages.setLabel(getTranslation("rules.dryRun.packages"));
        dryRunPackages.setPlaceholder("WB00000001 WB00000002");
        dryRunPackages.setWidth("28rem");
        Button run = new Button(getTranslation("rules.dryRun.run"), e -> dryRun());
        run.setId("rule-dry-run");
        Div form = new Div(dryRunPackages, run);
        form.addClassName("wb-filters");
        Paragraph hint = new Paragraph(getTranslation("rules.dryRun.hint", DRY_RUN_MAX));
        hint.addClassName("wb-muted");
        return new Div(hint, form);
    }

    private Checkbox enabledToggle(LogisticsRule r) {
        Checkbox box = new Checkbox(r.enabled());
        box.setId("rule-enabled-" + r.position());
        box.setAriaLabel(getTranslation("rules.enabled") + " " + r.name());
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(() -> UiServices.rules().setEnabled(r.id(), e.getValue(), actor));
            }
        });
        return box;
    }

    private Div rowButtons(LogisticsRule r) {
        int count = grid.getListDataView().getItemCount();
        Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> change(() -> UiServices.rules().move(r.id(),
                r.position() - 1, actor)));
        up.setId("rule-up-" + r.position());
        up.setAriaLabel(getTranslation("rules.up"));
        up.setTooltipText(getTranslation("rules.up"));
        up.setEnabled(r.position() > 1);
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> change(() -> UiServices.rules().move(r.id(),
                r.position() + 1, actor)));
        down.setId("rule-down-" + r.position());
        down.setAriaLabel(getTranslation("rules.down"));
        down.setTooltipText(getTranslation("rules.down"));
        down.setEnabled(r.position() < count);
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> startEdit(r));
        edit.setId("rule-edit-" + r.position());
        edit.setAriaLabel(getTranslation("rules.edit"));
        edit.setTooltipText(getTranslation("rules.edit"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> BatchUi.confirm(getTranslation("rules.delete"),
                getTranslation("rules.deleteConfirm", r.name()), getTranslation("rules.delete"),
                () -> change(() -> {
                    UiServices.rules().delete(r.id(), actor);
                    return null;
                })));
        delete.setId("rule-delete-" + r.position());
        delete.setAriaLabel(getTranslation("rules.delete"));
        delete.setTooltipText(getTranslation("rules.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(up, down, edit, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new Div(up, down, edit, delete);
    }

    /**
     * The position a rule dragged from {@code from} takes when dropped above (or {@code below}) the row at
     * {@code target} (positions from 1): the others keep their order.
     */
    static int dropPosition(int from, int target, boolean below) {
        int before = below ? target + 1 : target; // the rule goes in front of the row now at this position
        return from < before ? before - 1 : before;
    }

    /** Fills the form with a rule to change it in place. */
    private void startEdit(LogisticsRule r) {
        resetForm();
        editing = r;
        formTitle.setText(getTranslation("rules.editTitle", r.name()));
        save.setText(getTranslation("rules.save"));
        cancelEdit.setVisible(true);
        name.setValue(r.name());
        enabled.setValue(r.enabled());
        conditions.addAll(r.conditions());
        showConditions();
        for (String a : r.actions()) {
            int space = a.indexOf(' ');
            String kind = space < 0 ? a : a.substring(0, space);
            String value = space < 0 ? "" : a.substring(space + 1).strip();
            switch (kind) {
                case "warehouse" -> {
                    if (!warehouseCodes.contains(value)) {
                        warehouseCodes = new ArrayList<>(warehouseCodes);
                        warehouseCodes.add(value);
                        warehouse.setItems(warehouseCodes);
                    }
                    warehouse.setValue(value);
                }
                case "ship" -> {
                    int s = value.indexOf(' ');
                    String account = s < 0 ? value : value.substring(0, s);
                    if (!carrierIds.contains(account)) {
                        carrierIds = new ArrayList<>(carrierIds);
                        carrierIds.add(account);
                        carrier.setItems(carrierIds);
                    }
                    carrier.setValue(account);
                    service.setValue(s < 0 ? "" : value.substring(s + 1).strip());
                }
                case "hold" -> hold.setValue(value);
                case "tag" -> tag.setValue(value);
                default -> {
                    // an action kind this form does not know stays out of the form; saving would drop it
                    showError(getTranslation("rules.editUnknownAction", a));
                }
            }
        }
        name.focus();
    }

    /** Empties the form and returns it to adding a rule. */
    private void resetForm() {
        editing = null;
        formTitle.setText(getTranslation("rules.formTitle"));
        save.setText(getTranslation("rules.add"));
        cancelEdit.setVisible(false);
        error.setVisible(false);
        conditions.clear();
        showConditions();
        for (TextField f : List.of(name, service, hold, tag, conditionValue)) {
            f.clear();
        }
        warehouse.clear();
        carrier.clear();
        enabled.setValue(true);
    }

    private void addCondition() {
        String value = conditionValue.getValue().strip();
        if (value.isEmpty() || conditionKind.getValue() == null) {
            return;
        }
        conditions.add(conditionKind.getValue() + " " + value);
        conditionValue.clear();
        showConditions();
    }

    private void showConditions() {
        conditionList.removeAll();
        if (conditions.isEmpty()) {
            Span always = new Span(getTranslation("rules.noConditions"));
            always.addClassName("wb-muted");
            conditionList.add(always);
        }
        for (int i = 0; i < conditions.size(); i++) {
            int index = i;
            Span chip = new Span(conditions.get(i));
            chip.addClassName("wb-badge");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                conditions.remove(index);
                showConditions();
            });
            remove.setAriaLabel(getTranslation("rules.removeCondition", conditions.get(i)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            Span holder = new Span(chip, remove);
            holder.setId("rule-condition-" + i);
            conditionList.add(holder);
        }
    }

    private void save() {
        error.setVisible(false);
        List<String> actions = new ArrayList<>();
        if (warehouse.getValue() != null && !warehouse.getValue().isBlank()) {
            actions.add("warehouse " + warehouse.getValue().strip());
        }
        boolean hasCarrier = carrier.getValue() != null && !carrier.getValue().isBlank();
        if (hasCarrier || !service.getValue().isBlank()) {
            if (!hasCarrier || service.getValue().isBlank()) {
                showError(getTranslation("rules.shipIncomplete"));
                return;
            }
            actions.add("ship " + carrier.getValue().strip() + " " + service.getValue().strip());
        }
        if (!hold.getValue().isBlank()) {
            actions.add("hold " + hold.getValue().strip());
        }
        if (!tag.getValue().isBlank()) {
            actions.add("tag " + tag.getValue().strip());
        }
        if (name.getValue().isBlank()) {
            showError(getTranslation("rules.nameRequired"));
            return;
        }
        if (actions.isEmpty()) {
            showError(getTranslation("rules.actionRequired"));
            return;
        }
        try {
            if (editing != null) {
                LogisticsRule changed = UiServices.rules().update(editing.id(), name.getValue().strip(),
                        enabled.getValue(), List.copyOf(conditions), actions, actor);
                resetForm();
                reload();
                BatchUi.info(getTranslation("rules.changed", changed.name(), changed.position()));
                return;
            }
            LogisticsRule added = UiServices.rules().add(name.getValue().strip(), enabled.getValue(),
                    List.copyOf(conditions), actions, actor);
            resetForm();
            reload();
            BatchUi.info(getTranslation("rules.added", added.name(), added.position()));
        } catch (OperationRefusedException e) {
            showError(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    private void dryRun() {
        try {
            List<Long> ids;
            String typed = dryRunPackages.getValue().strip();
            if (typed.isEmpty()) {
                ids = UiServices.packages().find(PackageQuery.status(PackageStatus.WAITING).forViewer(actor), 0,
                        DRY_RUN_MAX, List.of()).stream().map(PackageRow::id).toList();
            } else {
                List<String> numbers = Arrays.stream(typed.split("[\\s,;，；]+")).filter(s -> !s.isBlank()).toList();
                Map<String, Long> found = UiServices.packages().idsByNumber(numbers);
                List<String> unknown = numbers.stream().filter(n -> !found.containsKey(n)).toList();
                if (!unknown.isEmpty()) {
                    BatchUi.error(getTranslation("rules.dryRun.unknown", String.join(", ", unknown)));
                    return;
                }
                ids = numbers.stream().map(found::get).distinct().toList();
            }
            RuleDryRunDialog.open(ids, actor);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    /** Runs a change and shows the new list, or why the core refused it. */
    private void change(java.util.function.Supplier<?> work) {
        try {
            work.get();
            reload();
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
            reload();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void reload() {
        try {
            grid.setItems(UiServices.rules().list(actor));
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            grid.setItems(List.of());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.title") + " · Waybill";
    }
}
