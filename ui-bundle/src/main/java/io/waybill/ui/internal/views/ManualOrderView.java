package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.OrderCheck;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /orders/new}: an order typed in by hand (phone or e-mail orders). Saved through
 * {@code OrderCaptureService.capture}, like any captured order; the core's validation decides, and its reasons
 * for a rejection are shown beside the form.
 */
@Route(value = "orders/new", layout = MainLayout.class)
public class ManualOrderView extends VerticalLayout implements HasDynamicTitle {

    private final ServiceNotice notice = new ServiceNotice();
    private final ComboBox<StoreInfo> store = new ComboBox<>();
    private final TextField orderNo = field("manual-order-no", "manual.orderNo", true);
    private final TextField name = field("manual-name", "manual.name", true);
    private final TextField company = field("manual-company", "manual.company", false);
    private final TextField line1 = field("manual-line1", "manual.line1", true);
    private final TextField line2 = field("manual-line2", "manual.line2", false);
    private final TextField city = field("manual-city", "manual.city", true);
    private final TextField state = field("manual-state", "manual.state", false);
    private final TextField postalCode = field("manual-postal", "manual.postalCode", false);
    private final ComboBox<String> country = new ComboBox<>();
    private final TextField phone = field("manual-phone", "manual.phone", false);
    private final TextField email = field("manual-email", "manual.email", false);
    private final Div lines = new Div();
    private final List<LineRow> lineRows = new ArrayList<>();
    /** Names of the catalogue SKUs the combo boxes have shown (for their labels). */
    private final Map<String, String> skuNames = new ConcurrentHashMap<>();
    /** Problems of the order as a whole (the parcel weight), above the save button. */
    private final Div formProblems = new Div();
    private final CaptureResultPanel result = new CaptureResultPanel("manual");
    private int lineCounter;

    public ManualOrderView() {
        addClassName("wb-page");
        Div titleRow = new Div(new H2(getTranslation("manual.title")));
        titleRow.addClassName("wb-title-row");
        Locale locale = getLocale();

        store.setId("manual-store");
        store.setLabel(getTranslation("filter.store"));
        store.setRequiredIndicatorVisible(true);
        store.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()) + " (" + s.code() + ")");
        country.setId("manual-country");
        country.setLabel(getTranslation("manual.country"));
        country.setRequiredIndicatorVisible(true);
        List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        country.setItems((code, filter) -> Formats.country(code, locale).toLowerCase(locale)
                .contains(filter.toLowerCase(locale)), codes);
        country.setItemLabelGenerator(c -> Formats.country(c, locale));
        try {
            store.setItems(UiServices.stores().stores());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        // the destination decides whether postal code and state are required (the core's rule, marked here)
        country.addValueChangeListener(e -> {
            markRequiredFields();
            if (e.isFromClient()) {
                validate(false);
            }
        });
        // format checks as soon as a field is left (required fields are named on save)
        for (TextField f : List.of(postalCode, phone, email, state)) {
            f.addValueChangeListener(e -> validate(false));
        }
        formProblems.setId("manual-problems");
        formProblems.addClassName("wb-alert");
        formProblems.setVisible(false);

        FormLayout form = new FormLayout();
        form.setId("manual-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.add(store, orderNo, name, company, line1, line2, city, state, postalCode, country, phone, email);
        form.setMaxWidth("50rem");

        lines.setId("manual-lines");
        lines.addClassName("wb-lines");
        Button addLine = new Button(getTranslation("manual.addLine"), VaadinIcon.PLUS.create(), e -> addLine());
        addLine.setId("manual-add-line");
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addLine();

        Button save = new Button(getTranslation("manual.save"), e -> save());
        save.setId("manual-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("manual.clear"), e -> clearForm());
        clear.setId("manual-clear");
        Div buttons = new Div(clear, save);
        buttons.addClassName("wb-actions");

        add(titleRow, notice, form, new H3(getTranslation("manual.lines")), lines, addLine, formProblems, buttons,
                result);
    }

    private TextField field(String id, String labelKey, boolean required) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        f.setRequiredIndicatorVisible(required);
        return f;
    }

    private void addLine() {
        int n = ++lineCounter;
        ComboBox<String> sku = new ComboBox<>(getTranslation("col.sku"));
        sku.setId("manual-sku-" + n);
        sku.addClassName("manual-sku");
        // picked from the catalogue (searched by SKU or name as typed), never free text
        try {
            io.waybill.core.api.ProductService products = UiServices.products();
            sku.setItems(query -> products.list(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                    .products().stream().map(p -> {
                        skuNames.put(p.sku(), p.name() == null ? "" : p.name());
                        return p.sku();
                    }));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        sku.setItemLabelGenerator(code -> skuNames.getOrDefault(code, "").isBlank() ? code
                : code + " · " + skuNames.get(code));
        sku.setAllowCustomValue(false);
        sku.setPlaceholder(getTranslation("manual.skuPlaceholder"));
        sku.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                validate(false);
            }
        });
        sku.setWidth("22rem");
        IntegerField quantity = new IntegerField(getTranslation("col.quantity"));
        quantity.setId("manual-qty-" + n);
        quantity.addClassName("manual-qty");
        quantity.setMin(1);
        quantity.setValue(1);
        quantity.setStepButtonsVisible(true);
        quantity.setWidth("9rem");
        quantity.addValueChangeListener(e -> validate(false));
        Div row = new Div();
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.setId("manual-remove-" + n);
        remove.addClassName("manual-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("manual.removeLine"));
        remove.setTooltipText(getTranslation("manual.removeLine"));
        LineRow line = new LineRow(row, sku, quantity);
        remove.addClickListener(e -> {
            if (lineRows.size() > 1) {
                lineRows.remove(line);
                lines.remove(row);
            }
        });
        row.add(sku, quantity, remove);
        row.addClassName("wb-form-row");
        lineRows.add(line);
        lines.add(row);
    }

    private void save() {
        result.clear();
        StoreInfo chosen = store.getValue();
        List<PlatformOrder.Line> orderLines = new ArrayList<>();
        for (LineRow line : lineRows) {
            String sku = line.sku().getValue();
            if (sku != null && !sku.isBlank()) {
                orderLines.add(new PlatformOrder.Line(sku.strip(),
                        line.quantity().getValue() == null ? 0 : line.quantity().getValue()));
            }
        }
        // the obvious gaps are named here; everything else is the core's validation
        boolean ok = require(orderNo) & require(name) & require(line1) & require(city);
        store.setInvalid(chosen == null);
        store.setErrorMessage(getTranslation("manual.required"));
        country.setInvalid(country.getValue() == null);
        country.setErrorMessage(getTranslation("manual.required"));
        if (!ok || chosen == null || country.getValue() == null) {
            return;
        }
        if (orderLines.isEmpty()) {
            BatchUi.error(getTranslation("manual.noLines"));
            return;
        }
        if (!validate(true)) {
            return;
        }
        PlatformOrder order = order();
        String no = order.orderNo();
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        try {
            CaptureResult r = UiServices.capture().capture(chosen.code(), List.of(order), actor);
            result.show(r);
            if (r.rejected().isEmpty()) {
                BatchUi.info(getTranslation("manual.saved", no));
            }
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        }
    }

    /** The order as the form holds it (lines without a SKU left out). */
    private PlatformOrder order() {
        List<PlatformOrder.Line> orderLines = new ArrayList<>();
        for (LineRow line : lineRows) {
            String sku = line.sku().getValue();
            if (sku != null && !sku.isBlank()) {
                orderLines.add(new PlatformOrder.Line(sku.strip(),
                        line.quantity().getValue() == null ? 0 : line.quantity().getValue()));
            }
        }
        String no = orderNo.getValue().strip();
        Address address = new Address(name.getValue().strip(), company.getValue().strip(), line1.getValue().strip(),
                line2.getValue().strip(), city.getValue().strip(), state.getValue().strip(),
                postalCode.getValue().strip(), country.getValue() == null ? "" : country.getValue(),
                phone.getValue().strip(), email.getValue().strip());
        return new PlatformOrder(no.isEmpty() ? "-" : no, no.isEmpty() ? "-" : no, false, Instant.now(), address,
                orderLines);
    }

    /** Postal code and state marked required where the destination needs them. */
    private void markRequiredFields() {
        String code = country.getValue();
        if (code == null) {
            postalCode.setRequiredIndicatorVisible(false);
            state.setRequiredIndicatorVisible(false);
            return;
        }
        try {
            OrderCheck.AddressRules rules = UiServices.capture().addressRules(code);
            postalCode.setRequiredIndicatorVisible(rules.postalCodeRequired());
            state.setRequiredIndicatorVisible(rules.stateRequired());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    /**
     * The core's check of the order as the form holds it ({@code OrderCaptureService.check}: the rules capture
     * applies), each problem shown at its field in the operator's language. Before save only format problems of
     * filled-in fields are shown; on save every problem.
     *
     * @return true when the core finds nothing
     */
    private boolean validate(boolean all) {
        StoreInfo chosen = store.getValue();
        if (chosen == null) {
            return !all;
        }
        List<OrderCheck.Problem> problems;
        try {
            problems = UiServices.capture().check(chosen.code(), order());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return false;
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
            return false;
        }
        int maxParcelGrams = UiServices.capture().addressRules(null).maxParcelGrams();
        Map<com.vaadin.flow.component.HasValidation, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (OrderCheck.Problem p : problems) {
            if (!all && OrderProblems.REQUIRED.equals(p.code())) {
                continue;
            }
            com.vaadin.flow.component.HasValidation field = fieldOf(p);
            String text = OrderProblems.text(p, maxParcelGrams, this::getTranslation, getLocale());
            if (field == null) {
                // a problem of no field on the form names its field (order_total, currency...), the weight says it
                general.add("weight".equals(p.field()) ? text : getTranslation("manual.problemOf",
                        Reasons.column(p.field()), text));
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(text);
            }
        }
        List<com.vaadin.flow.component.HasValidation> fields = new ArrayList<>(List.of(name, company, line1, line2,
                city, state, postalCode, country, phone, email));
        for (LineRow line : lineRows) {
            fields.add(line.sku());
            fields.add(line.quantity());
        }
        for (com.vaadin.flow.component.HasValidation f : fields) {
            List<String> texts = byField.get(f);
            if (texts != null) {
                f.setErrorMessage(String.join("; ", texts));
                f.setInvalid(true);
            } else if (all || f != name && f != line1 && f != city) {
                // required-only fields keep the "Required" of the save click until the next save
                f.setInvalid(false);
            }
        }
        formProblems.removeAll();
        general.forEach(t -> formProblems.add(new com.vaadin.flow.component.html.Div(t)));
        formProblems.setVisible(!general.isEmpty());
        return problems.isEmpty();
    }

    /** The form field a problem is about; null for the order as a whole. */
    private com.vaadin.flow.component.HasValidation fieldOf(OrderCheck.Problem p) {
        if (p.line() >= 0 && p.line() < lineRows.size()) {
            // the check sees only the lines with a SKU: find the p.line()-th of them
            int n = -1;
            for (LineRow line : lineRows) {
                if (line.sku().getValue() != null && !line.sku().getValue().isBlank()) {
                    n++;
                }
                if (n == p.line()) {
                    return "quantity".equals(p.field()) ? line.quantity() : line.sku();
                }
            }
        }
        return switch (p.field()) {
            case "order_no", "platform_order_id" -> orderNo;
            case "buyer_name" -> name;
            case "company" -> company;
            case "address1" -> line1;
            case "address2" -> line2;
            case "city" -> city;
            case "state" -> state;
            case "postal_code" -> postalCode;
            case "country" -> country;
            case "phone" -> phone;
            case "email" -> email;
            default -> null;
        };
    }

    private boolean require(TextField f) {
        boolean filled = f.getValue() != null && !f.getValue().isBlank();
        f.setErrorMessage(getTranslation("manual.required"));
        f.setInvalid(!filled);
        return filled;
    }

    private void clearForm() {
        for (TextField f : List.of(orderNo, name, company, line1, line2, city, state, postalCode, phone, email)) {
            f.clear();
            f.setInvalid(false);
        }
        country.clear();
        formProblems.setVisible(false);
        lineRows.clear();
        lines.removeAll();
        addLine();
        result.clear();
    }

    private record LineRow(Div row, ComboBox<String> sku, IntegerField quantity) {
    }

    @Override
    public String getPageTitle() {
        return getTranslation("manual.title") + " · Waybill";
    }
}
