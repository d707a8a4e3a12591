package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.ScaleInfo;
import io.waybill.core.model.ScanResult;
import io.waybill.core.model.UserIdentity;
import io.waybill.spi.device.WeightReading;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /delivery/scan}: the scan station of order-by-order delivery (workflow step 4, docs/workflow.md). A keyboard-wedge scanner
 * types into the scan field, which keeps the focus; Enter looks the package up and checks the weight from the
 * selected scale (or the weight typed by hand when there is no scale). A big verdict panel, readable from a metre
 * away, says PASS / WEIGHT MISMATCH / REFUSED / NO WEIGHT, with a tone. "Execute delivery and continue scanning"
 * ships a passing package; with "Automatic delivery" a passing scan ships at once. A weight mismatch can be shipped
 * on a supervisor's authority.
 * <p>Keyboard only (issue 13): Enter on the empty scan field, or the command barcode of the station settings
 * (default {@value #DEFAULT_COMMAND}), executes delivery of the package on screen. Scanning the next package while a
 * passed one is not shipped never drops it silently: the station setting asks (ship it / leave it) or ships it first.
 * The manual weight ({@link WeightInput}: {@code 800}, {@code 0.8 kg}, ...) belongs to one package: it is cleared once
 * a scan has used it; Enter in it re-checks the package on screen.
 */
@Route(value = "delivery/scan", layout = MainLayout.class)
public class ScanStationView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(ScanStationView.class);
    static final int LOG_SIZE = 50;
    private static final String SETTINGS_ATTRIBUTE = ScanStationView.class.getName() + ".settings";
    private static final String LOG_ATTRIBUTE = ScanStationView.class.getName() + ".log";
    private static final String AUTO_ATTRIBUTE = ScanStationView.class.getName() + ".auto";
    private static final String COMMAND_ATTRIBUTE = ScanStationView.class.getName() + ".command";
    private static final String UNSHIPPED_ATTRIBUTE = ScanStationView.class.getName() + ".unshipped";
    /** The command barcode that executes delivery, until the station settings say otherwise. */
    static final String DEFAULT_COMMAND = "WB-SHIP";

    /** What scanning the next package does to a passed package that is not shipped. */
    enum Unshipped { ASK, SHIP }

    /** One line of the session's scan log. */
    record LogEntry(Instant time, String scanned, String packageNo, ScanVerdicts.Style style, String code,
                    Integer measuredGrams, boolean shipped) implements Serializable {
    }

    private final ServiceNotice notice = new ServiceNotice();
    private final TextField scan = new TextField();
    private final Select<ScaleInfo> scaleSelect = new Select<>();
    private final Span scaleWeight = new Span();
    private final TextField manualWeight = new TextField();
    private final Span manualUnit = new Span("g");
    private final Span keysHint = new Span();
    private final Checkbox autoDelivery = new Checkbox();
    private final Button readScale = new Button();
    private final Button shipButton = new Button();
    private final Button overrideButton = new Button();
    private final Div verdict = new Div();
    private final Span verdictTitle = new Span();
    private final Span verdictPackage = new Span();
    private final Div verdictFacts = new Div();
    private final Span verdictMessage = new Span();
    private final Span verdictShipped = new Span();
    private final Span verdictCode = new Span();
    private final Grid<LogEntry> logGrid = new Grid<>();
    private final Locale locale;

    /** The last scan: what was scanned, the weight used, and the verdict. */
    private String lastScanned;
    private Integer lastGrams;
    private ScanResult lastResult;

    public ScanStationView() {
        addClassName("wb-page");
        addClassName("wb-scan-page");
        setSizeFull();
        locale = getLocale();

        H2 heading = new H2(getTranslation("scan.title"));
        Anchor batchLink = new Anchor("delivery/ship-batch", getTranslation("nav.shipBatch"));
        batchLink.setId("scan-batch-link");
        batchLink.addClassName("wb-link");
        Div titleRow = new Div(heading, batchLink);
        titleRow.addClassName("wb-title-row");
        titleRow.getStyle().set("align-items", "center");

        // scan field: keeps the focus, Enter submits (the value travels with the key event)
        scan.setId("scan-input");
        scan.setLabel(getTranslation("scan.input"));
        scan.setPlaceholder(getTranslation("scan.input.placeholder"));
        scan.setPrefixComponent(VaadinIcon.BARCODE.create());
        scan.addClassName("wb-scan-input");
        scan.setAutofocus(true);
        scan.getElement().setAttribute("autocomplete", "off");
        scan.getElement().setAttribute("spellcheck", "false");
        scan.getElement().addEventListener("keydown", e -> submit(e.getEventData().getString("element.value")))
                .setFilter("event.key === 'Enter'").addEventData("element.value");

        Button settingsButton = new Button(VaadinIcon.COG.create());
        settingsButton.setId("scan-settings-button");
        settingsButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        settingsButton.setAriaLabel(getTranslation("scan.settings"));
        settingsButton.setTooltipText(getTranslation("scan.settings"));
        Popover settingsPopover = settingsPopover(settingsButton);

        // the cog sits in the title row, so that Tab goes from the scan field to the weight
        titleRow.add(settingsButton, settingsPopover);
        settingsButton.getStyle().set("margin-left", "auto");
        Div scanRow = new Div(scan);
        scanRow.addClassName("wb-scan-row");

        // scale, or a weight typed by hand
        scaleSelect.setId("scale-select");
        scaleSelect.setLabel(getTranslation("scan.scale"));
        scaleSelect.setEmptySelectionAllowed(true);
        scaleSelect.setEmptySelectionCaption(getTranslation("scan.scale.none"));
        scaleSelect.setItemLabelGenerator(s -> s == null ? getTranslation("scan.scale.none")
                : ScanVerdicts.scaleLabel(s, locale, this::getTranslation));
        scaleSelect.addValueChangeListener(e -> {
            scaleChanged();
            if (e.isFromClient()) {
                refocus();
            }
        });
        scaleWeight.setId("scale-weight");
        scaleWeight.addClassName("wb-scale-weight");
        Span weightLabel = new Span(getTranslation("scan.weight"));
        weightLabel.addClassName("wb-fact-label");
        Div weightBox = new Div(weightLabel, scaleWeight);
        weightBox.addClassName("wb-weight-box");
        readScale.setText(getTranslation("scan.readScale"));
        readScale.setIcon(VaadinIcon.SCALE.create());
        readScale.addClickListener(e -> readScale());
        readScale.setId("read-scale");
        manualWeight.setId("manual-weight");
        manualWeight.setLabel(getTranslation("scan.manualWeight"));
        manualWeight.setPlaceholder(getTranslation("scan.manualWeight.placeholder"));
        manualWeight.setHelperText(getTranslation("scan.manualWeight.help"));
        manualUnit.setId("manual-weight-unit");
        manualWeight.setSuffixComponent(manualUnit);
        manualWeight.setMaxLength(20);
        manualWeight.setWidth("15rem");
        manualWeight.getElement().setAttribute("autocomplete", "off");
        manualWeight.setValueChangeMode(ValueChangeMode.EAGER);
        manualWeight.addValueChangeListener(e -> showManualWeight(WeightInput.parse(e.getValue())));
        manualWeight.getElement().addEventListener("keydown", e -> manualWeightEntered(
                e.getEventData().getString("element.value"))).setFilter("event.key === 'Enter'")
                .addEventData("element.value");
        // typed first when there is no scale: Tab from the scan field lands here
        Div scaleRow = new Div(manualWeight, scaleSelect, weightBox, readScale);
        scaleRow.addClassName("wb-scale-row");

        // verdict panel
        verdict.setId("scan-verdict");
        verdict.addClassName("wb-verdict");
        verdict.getElement().setAttribute("role", "status");
        verdict.getElement().setAttribute("aria-live", "assertive");
        verdictTitle.setId("scan-verdict-title");
        verdictTitle.addClassName("wb-verdict-title");
        verdictPackage.setId("scan-verdict-package");
        verdictPackage.addClassName("wb-verdict-package");
        verdictFacts.setId("scan-verdict-facts");
        verdictFacts.addClassName("wb-verdict-facts");
        verdictMessage.setId("scan-verdict-message");
        verdictMessage.addClassName("wb-verdict-message");
        verdictShipped.setId("scan-verdict-shipped");
        verdictShipped.addClassName("wb-verdict-shipped");
        verdictCode.setId("scan-verdict-code");
        verdictCode.addClassName("wb-verdict-code");
        verdict.add(verdictTitle, verdictPackage, verdictFacts, verdictMessage, verdictShipped, verdictCode);

        // actions
        shipButton.setText(getTranslation("scan.shipAndContinue"));
        shipButton.setIcon(VaadinIcon.TRUCK.create());
        shipButton.setId("ship-and-continue");
        shipButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_LARGE);
        shipButton.addClickListener(e -> shipLast());
        autoDelivery.setId("auto-delivery");
        autoDelivery.setLabel(getTranslation("scan.autoDelivery"));
        autoDelivery.setTooltipText(getTranslation("scan.autoDelivery.help"));
        autoDelivery.setValue(Boolean.TRUE.equals(session().getAttribute(AUTO_ATTRIBUTE)));
        autoDelivery.addValueChangeListener(e -> {
            session().setAttribute(AUTO_ATTRIBUTE, e.getValue());
            refocus();
        });
        overrideButton.setText(getTranslation("scan.override"));
        overrideButton.setIcon(VaadinIcon.KEY.create());
        overrideButton.setId("supervisor-override");
        overrideButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        overrideButton.addClickListener(e -> openOverride());
        Button clear = new Button(getTranslation("scan.clear"), e -> {
            reset();
            refocus();
        });
        clear.setId("scan-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(shipButton, overrideButton, autoDelivery, clear);
        actions.addClassName("wb-scan-actions");
        // the keys under the scan field, where the operator looks
        keysHint.setId("scan-keys-hint");
        keysHint.addClassName("wb-scan-keys");
        scan.setHelperComponent(keysHint);
        updateKeysHint();

        // session log
        logGrid.setId("scan-log");
        logGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        logGrid.addColumn(e -> Formats.dateTime(e.time(), ZoneId.systemDefault())).setKey("time")
                .setHeader(getTranslation("scan.log.time")).setWidth("9.5rem").setFlexGrow(0);
        logGrid.addColumn(e -> e.packageNo() == null ? e.scanned() : e.packageNo()).setKey("package")
                .setHeader(getTranslation("col.packageNo")).setWidth("10rem").setFlexGrow(1);
        logGrid.addColumn(e -> getTranslation(e.style().titleKey())
                        + (e.style() == ScanVerdicts.Style.REFUSED && e.code() != null ? " \u00b7 " + Reasons.kind(locale, e.code()) : ""))
                .setKey("verdict").setHeader(getTranslation("scan.log.verdict")).setWidth("12rem").setFlexGrow(1)
                .setClassNameGenerator(e -> e.style().cssClass());
        logGrid.addColumn(e -> ScanVerdicts.weight(e.measuredGrams(), locale)).setKey("weight")
                .setHeader(getTranslation("scan.log.weight")).setWidth("7rem").setFlexGrow(0);
        logGrid.addColumn(e -> e.shipped() ? getTranslation("scan.log.shippedYes") : "").setKey("shipped")
                .setHeader(getTranslation("scan.log.shipped")).setWidth("7rem").setFlexGrow(0);
        logGrid.setEmptyStateText(getTranslation("scan.log.empty"));
        logGrid.setHeight("14rem");
        logGrid.setItems(log());
        Span logTitle = new Span(getTranslation("scan.log.title"));
        logTitle.addClassName("wb-scan-log-title");

        add(titleRow, notice, scanRow, scaleRow, verdict, actions, logTitle, logGrid);
        showVerdict(null, null);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        loadScales();
        // keep the focus in the scan field: back to it whenever it is lost to nothing that takes typing
        scan.getElement().executeJs("""
                const field = this;
                if (field.__wbKeepFocus) { return; }
                field.__wbKeepFocus = true;
                if (!window.__wbTabWatch) {
                  window.__wbTabWatch = true;
                  document.addEventListener('keydown', e => { if (e.key === 'Tab') { window.__wbTabAt = Date.now(); } },
                      true);
                }
                const typing = 'vaadin-text-field, vaadin-integer-field, vaadin-password-field, vaadin-text-area,'
                    + ' vaadin-select, vaadin-combo-box, input, textarea, select';
                field.addEventListener('focusout', () => setTimeout(() => {
                  if (!field.isConnected) { return; }
                  if (document.querySelector('vaadin-dialog-overlay[opened], vaadin-popover-overlay[opened],'
                      + ' vaadin-select-overlay[opened]')) { return; }
                  if (window.__wbTabAt && Date.now() - window.__wbTabAt < 1500) { return; }
                  const active = document.activeElement;
                  if (active && active !== document.body && active !== field && active.matches(typing)) { return; }
                  field.focus();
                }, 200));
                """);
        refocus();
    }

    private Popover settingsPopover(Button target) {
        ScanInput.Settings current = settings();
        TextField prefix = new TextField(getTranslation("scan.settings.prefix"));
        prefix.setId("scan-prefix");
        prefix.setValue(current.prefix());
        TextField suffix = new TextField(getTranslation("scan.settings.suffix"));
        suffix.setId("scan-suffix");
        suffix.setValue(current.suffix());
        prefix.addValueChangeListener(e -> session().setAttribute(SETTINGS_ATTRIBUTE,
                new ScanInput.Settings(e.getValue(), settings().suffix())));
        suffix.addValueChangeListener(e -> session().setAttribute(SETTINGS_ATTRIBUTE,
                new ScanInput.Settings(settings().prefix(), e.getValue())));
        Paragraph help = new Paragraph(getTranslation("scan.settings.help"));
        help.addClassName("wb-muted");
        TextField command = new TextField(getTranslation("scan.settings.command"));
        command.setId("scan-command");
        command.setValue(command());
        command.setHelperText(getTranslation("scan.settings.command.help", DEFAULT_COMMAND));
        command.setMaxLength(60);
        command.addValueChangeListener(e -> {
            session().setAttribute(COMMAND_ATTRIBUTE, ScanInput.clean(e.getValue(), ScanInput.Settings.NONE));
            updateKeysHint();
        });
        RadioButtonGroup<Unshipped> unshipped = new RadioButtonGroup<>(getTranslation("scan.settings.unshipped"));
        unshipped.setId("scan-unshipped");
        unshipped.setItems(Unshipped.values());
        unshipped.setItemLabelGenerator(u -> getTranslation("scan.settings.unshipped." + u.name().toLowerCase(
                Locale.ROOT)));
        unshipped.setValue(unshippedMode());
        unshipped.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                session().setAttribute(UNSHIPPED_ATTRIBUTE, e.getValue());
            }
        });
        Span title = new Span(getTranslation("scan.settings"));
        title.addClassName("wb-popover-title");
        Div content = new Div(title, prefix, suffix, help, command, unshipped);
        content.setId("scan-settings");
        content.addClassName("wb-scan-settings");
        Popover popover = new Popover(content);
        popover.setTarget(target);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setModal(false);
        popover.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refocus();
            }
        });
        return popover;
    }

    private void loadScales() {
        try {
            List<ScaleInfo> scales = UiServices.devices().scales();
            ScaleInfo selected = scaleSelect.getValue();
            scaleSelect.setItems(scales);
            ScaleInfo keep = selected == null ? null : scales.stream()
                    .filter(s -> s.key().equals(selected.key())).findFirst().orElse(null);
            if (keep == null && selected == null) {
                keep = scales.stream().filter(ScaleInfo::online).findFirst()
                        .orElse(scales.isEmpty() ? null : scales.get(0));
            }
            scaleSelect.setValue(keep);
            scaleSelect.setHelperText(scales.isEmpty() ? getTranslation("scan.scale.noneConfigured") : null);
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            scaleSelect.setItems(List.of());
        }
        scaleChanged();
    }

    private void scaleChanged() {
        boolean manual = scaleSelect.getValue() == null;
        manualWeight.setVisible(manual);
        readScale.setVisible(!manual);
        scaleWeight.setText(manual ? getTranslation("scan.weight.manual") : "\u2014");
        scaleWeight.setClassName("wb-weight-unstable", false);
    }

    /** Reads the selected scale, or takes the manual weight; returns the grams that count (stable only). */
    private Integer weigh() {
        ScaleInfo scale = scaleSelect.getValue();
        if (scale == null) {
            WeightInput.Result typed = WeightInput.parse(manualWeight.getValue());
            showManualWeight(typed);
            Integer grams = typed.grams();
            scaleWeight.setText(grams == null ? getTranslation("scan.weight.manual")
                    : Formats.weight(grams, locale) + " (" + getTranslation("scan.weight.typed") + ")");
            scaleWeight.setClassName("wb-weight-unstable", false);
            return grams;
        }
        WeightReading reading = UiServices.devices().read(scale.key());
        scaleWeight.setText(ScanVerdicts.reading(reading, locale, this::getTranslation));
        scaleWeight.setClassName("wb-weight-unstable", !reading.counts());
        return ScanVerdicts.usableGrams(reading);
    }

    private void submit(String raw) {
        String scanned = ScanInput.clean(raw, settings());
        scan.getElement().executeJs("this.value = ''");
        scan.clear();
        if (scanned.isEmpty()) {
            // Enter on the empty field: execute delivery of the passed package on screen
            if (ScanVerdicts.canShip(lastResult) && lastScanned != null) {
                shipLast();
            } else {
                refocus();
            }
            return;
        }
        if (!command().isEmpty() && scanned.equalsIgnoreCase(command())) {
            if (ScanVerdicts.canShip(lastResult) && lastScanned != null) {
                shipLast();
            } else {
                BatchUi.error(getTranslation("scan.nothingToShip"));
                refocus();
            }
            return;
        }
        if (passedNotShipped() && !sameAsOnScreen(scanned)) {
            if (unshippedMode() == Unshipped.ASK) {
                askAboutUnshipped(scanned);
                return;
            }
            String left = lastResult.packageNo();
            if (!shipLast()) {
                BatchUi.error(getTranslation("scan.unshipped.notTaken", scanned, left));
                return;
            }
        }
        take(scanned);
    }

    /** A package on screen passed its weighing and is not shipped. */
    private boolean passedNotShipped() {
        return lastResult != null && lastScanned != null && lastResult.outcome() == ScanResult.Outcome.PASS
                && !lastResult.shipped();
    }

    private boolean sameAsOnScreen(String scanned) {
        return scanned.equalsIgnoreCase(lastScanned) || scanned.equalsIgnoreCase(lastResult.packageNo())
                || scanned.equalsIgnoreCase(lastResult.trackingNo());
    }

    /** The "ask" station setting: ship the passed package first, or leave it, before the next scan is taken. */
    private void askAboutUnshipped(String next) {
        String pending = lastResult.packageNo();
        Dialog dialog = new Dialog();
        dialog.setId("unshipped-dialog");
        dialog.setHeaderTitle(getTranslation("scan.unshipped.title", pending));
        Paragraph text = new Paragraph(getTranslation("scan.unshipped.text", pending, next));
        text.setId("unshipped-text");
        dialog.add(text);
        boolean[] decided = {false};
        Button ship = new Button(getTranslation("scan.unshipped.ship", pending), e -> {
            decided[0] = true;
            dialog.close();
            if (shipLast()) {
                take(next);
            } else {
                BatchUi.error(getTranslation("scan.unshipped.notTaken", next, pending));
            }
        });
        ship.setId("unshipped-ship");
        ship.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button leave = new Button(getTranslation("scan.unshipped.leave", pending), e -> {
            decided[0] = true;
            dialog.close();
            take(next);
        });
        leave.setId("unshipped-leave");
        Paragraph keys = new Paragraph(getTranslation("scan.unshipped.keys"));
        keys.addClassName("wb-muted");
        dialog.add(keys);
        dialog.getFooter().add(ship, leave);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                if (!decided[0]) {
                    BatchUi.info(getTranslation("scan.unshipped.cancelled", next, pending));
                }
                refocus();
            }
        });
        dialog.open();
        ship.focus();
    }

    /** Looks the scanned package up and weighs it (and ships it with automatic delivery). */
    private void take(String scanned) {
        try {
            boolean manual = scaleSelect.getValue() == null;
            Integer grams = weigh();
            if (manual && grams != null) {
                // a typed weight belongs to one package
                manualWeight.clear();
            }
            String actor = actor();
            ScanResult result = autoDelivery.getValue()
                    ? UiServices.shipping().ship(scanned, grams, actor)
                    : UiServices.shipping().check(scanned, grams);
            lastScanned = scanned;
            lastGrams = grams;
            showVerdict(result, scanned);
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        } catch (RuntimeException e) {
            LOG.warn("Scan of {} failed", scanned, e);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
        refocus();
    }

    private void readScale() {
        try {
            recheck(weigh());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (RuntimeException e) {
            LOG.warn("Reading the scale failed", e);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
        refocus();
    }

    /** Re-checks the package on screen with a new weight (not after shipping or a refusal). */
    private void recheck(Integer grams) {
        if (lastResult != null && !lastResult.shipped() && lastResult.outcome() != ScanResult.Outcome.REFUSED
                && lastScanned != null) {
            lastGrams = grams;
            ScanResult result = autoDelivery.getValue()
                    ? UiServices.shipping().ship(lastScanned, grams, actor())
                    : UiServices.shipping().check(lastScanned, grams);
            showVerdict(result, lastScanned);
        }
    }

    /** Enter in the manual weight: a usable weight re-checks the package on screen and goes back to scanning. */
    private void manualWeightEntered(String value) {
        if (value != null && !value.equals(manualWeight.getValue())) {
            manualWeight.setValue(value);
        }
        WeightInput.Result typed = WeightInput.parse(manualWeight.getValue());
        showManualWeight(typed);
        if (!typed.ok() && !typed.empty()) {
            return;
        }
        if (typed.ok() && lastResult != null && !lastResult.shipped()
                && lastResult.outcome() != ScanResult.Outcome.REFUSED && lastScanned != null) {
            try {
                recheck(weigh());
                manualWeight.clear();
            } catch (ServiceUnavailableException e) {
                notice.show(e);
            } catch (OperationRefusedException e) {
                BatchUi.error(Reasons.of(e));
            } catch (RuntimeException e) {
                LOG.warn("Re-checking {} failed", lastScanned, e);
                BatchUi.error(getTranslation("batch.unexpected"));
            }
        }
        refocus();
    }

    /** The unit next to the manual weight, what it counts as, or why it is refused. */
    private void showManualWeight(WeightInput.Result typed) {
        manualUnit.setText(typed.unit() == WeightInput.Unit.KG ? "kg" : "g");
        if (typed.empty()) {
            manualWeight.setInvalid(false);
            manualWeight.setHelperText(getTranslation("scan.manualWeight.help"));
        } else if (typed.ok()) {
            manualWeight.setInvalid(false);
            manualWeight.setHelperText(getTranslation("scan.manualWeight.counts", Formats.weight(typed.grams(),
                    locale)) + (typed.unit() == WeightInput.Unit.G ? " · " + getTranslation(
                    "scan.manualWeight.bareGrams") : ""));
        } else {
            manualWeight.setErrorMessage(getTranslation(typed.errorKey(), typed.args()));
            manualWeight.setInvalid(true);
        }
    }

    /** Ships the passed package on screen; true when it was shipped. */
    private boolean shipLast() {
        if (!ScanVerdicts.canShip(lastResult) || lastScanned == null) {
            refocus();
            return false;
        }
        try {
            ScanResult result = UiServices.shipping().ship(lastScanned, lastGrams, actor());
            showVerdict(result, lastScanned);
            refocus();
            return result.shipped();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        } catch (RuntimeException e) {
            LOG.warn("Shipping {} failed", lastScanned, e);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
        refocus();
        return false;
    }

    private void openOverride() {
        if (!ScanVerdicts.canOverride(lastResult)) {
            refocus();
            return;
        }
        String scanned = lastScanned;
        Integer grams = lastGrams;
        ScanResult failed = lastResult;
        Dialog dialog = new Dialog();
        dialog.setId("override-dialog");
        dialog.setHeaderTitle(getTranslation("scan.override.title"));
        Paragraph what = new Paragraph(getTranslation("scan.override.text", failed.packageNo(),
                ScanVerdicts.weight(failed.measuredGrams(), locale), ScanVerdicts.weight(failed.expectedGrams(), locale),
                ScanVerdicts.tolerance(failed.toleranceGrams(), locale)));
        TextField user = new TextField(getTranslation("scan.override.user"));
        user.setId("override-user");
        user.setRequired(true);
        user.getElement().setAttribute("autocomplete", "off");
        PasswordField password = new PasswordField(getTranslation("scan.override.password"));
        password.setId("override-password");
        password.setRequired(true);
        password.getElement().setAttribute("autocomplete", "new-password");
        TextArea reason = new TextArea(getTranslation("scan.override.reason"));
        reason.setId("override-reason");
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        Span error = new Span();
        error.setId("override-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        Div form = new Div(what, user, password, reason, error);
        form.addClassName("wb-override-form");
        dialog.add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("override-cancel");
        Button confirm = new Button(getTranslation("scan.override.confirm"));
        confirm.setId("override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            error.setVisible(false);
            if (user.isEmpty() || password.isEmpty() || reason.getValue().isBlank()) {
                error.setText(getTranslation("scan.override.incomplete"));
                error.setVisible(true);
                return;
            }
            char[] secret = password.getValue().toCharArray();
            try {
                ScanResult result = UiServices.shipping().shipWithOverride(scanned, grams, user.getValue().strip(),
                        secret, reason.getValue().strip(), actor());
                dialog.close();
                showVerdict(result, scanned);
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
                password.clear();
            } catch (ServiceUnavailableException ex) {
                dialog.close();
                notice.show(ex);
            } catch (RuntimeException ex) {
                LOG.warn("Override for {} failed", scanned, ex);
                error.setText(getTranslation("batch.unexpected"));
                error.setVisible(true);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        });
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refocus();
            }
        });
        dialog.open();
        user.focus();
    }

    /** Shows a verdict, plays its tone, logs it; {@code null} shows the idle panel. */
    private void showVerdict(ScanResult result, String scanned) {
        lastResult = result;
        ScanVerdicts.Style style = ScanVerdicts.style(result);
        for (ScanVerdicts.Style s : ScanVerdicts.Style.values()) {
            verdict.removeClassName(s.cssClass());
        }
        verdict.addClassName(style.cssClass());
        verdict.getElement().setAttribute("data-outcome", style.name());
        verdictTitle.setText(getTranslation(style.titleKey()));
        verdictFacts.removeAll();
        if (result == null) {
            verdictPackage.setText("");
            verdictMessage.setText(getTranslation("scan.idle"));
            verdictShipped.setText("");
            verdictCode.setText("");
            verdictCode.getElement().removeAttribute("data-code");
        } else {
            String no = result.packageNo() != null ? result.packageNo() : scanned;
            verdictPackage.setText(result.trackingNo() == null || result.trackingNo().equals(no) ? no
                    : no + " \u00b7 " + result.trackingNo());
            if (result.expectedGrams() != null) {
                fact("scan.expected", ScanVerdicts.weight(result.expectedGrams(), locale), "scan-expected");
                fact("scan.measured", result.measuredGrams() == null ? "\u2014"
                        : ScanVerdicts.weight(result.measuredGrams(), locale), "scan-measured");
                fact("scan.tolerance", ScanVerdicts.tolerance(result.toleranceGrams(), locale), "scan-tolerance");
                if (result.measuredGrams() != null) {
                    fact("scan.difference", ScanVerdicts.difference(result.measuredGrams(), result.expectedGrams(),
                            locale), "scan-difference");
                }
            }
            verdictMessage.setText(message(result, scanned));
            verdictShipped.setText(shippedText(result));
            verdictCode.setText(ScanVerdicts.codeLabel(result, locale, this::getTranslation));
            verdictCode.getElement().setAttribute("data-code", result.code() == null ? result.outcome().name()
                    : result.code());
            int tone = ScanVerdicts.tone(result);
            if (tone != 0) {
                beep(tone > 0);
            }
            addLog(new LogEntry(Instant.now(), scanned, result.packageNo(), style, result.code(),
                    result.measuredGrams(), result.shipped()));
        }
        shipButton.setEnabled(ScanVerdicts.canShip(result));
        overrideButton.setVisible(ScanVerdicts.canOverride(result));
    }

    private void fact(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("wb-fact-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("wb-verdict-value");
        Div fact = new Div(label, text);
        fact.addClassName("wb-verdict-fact");
        verdictFacts.add(fact);
    }

    private String message(ScanResult result, String scanned) {
        if (result.outcome() == ScanResult.Outcome.REFUSED && result.reason() != null) {
            String whole = Reasons.text(locale, result.reason()); // a refusal as data: whole in the user's language
            if (whole != null) {
                return whole;
            }
        }
        String key = ScanVerdicts.refusalKey(result);
        boolean english = "en".equals(locale.getLanguage());
        if (key != null && !english) {
            return getTranslation(key, result.packageNo() != null ? result.packageNo() : scanned);
        }
        return switch (result.outcome()) {
            case PASS, WEIGHT_FAIL -> english ? result.message() : getTranslation(
                    result.outcome() == ScanResult.Outcome.PASS ? "scan.message.pass" : "scan.message.mismatch");
            case NO_WEIGHT -> getTranslation("invalid_weight".equals(result.code()) ? "scan.message.invalidWeight"
                    : scaleSelect.getValue() == null ? "scan.message.noWeightManual" : "scan.message.noWeight");
            case REFUSED -> Reasons.text(locale, result.code(), result.message());
        };
    }

    private String shippedText(ScanResult result) {
        if (result.shipped()) {
            return getTranslation("override".equals(result.code()) ? "scan.shipped.override" : "scan.shipped");
        }
        return switch (ScanVerdicts.style(result)) {
            case PASS -> getTranslation("scan.notShipped.pass");
            case WEIGHT_MISMATCH -> getTranslation("scan.notShipped.mismatch");
            case NO_WEIGHT -> getTranslation("scan.notShipped.noWeight");
            default -> getTranslation("scan.notShipped");
        };
    }

    private void addLog(LogEntry entry) {
        List<LogEntry> entries = log();
        entries.add(0, entry);
        while (entries.size() > LOG_SIZE) {
            entries.remove(entries.size() - 1);
        }
        logGrid.setItems(entries);
    }

    private void reset() {
        lastScanned = null;
        lastGrams = null;
        showVerdict(null, null);
    }

    /** A short beep through WebAudio: high and short for a pass, low and longer for a failure. */
    private void beep(boolean pass) {
        getUI().ifPresent(ui -> ui.getPage().executeJs("""
                try {
                  const AC = window.AudioContext || window.webkitAudioContext;
                  if (!AC) { return; }
                  const ctx = window.__wbAudio || (window.__wbAudio = new AC());
                  if (ctx.state === 'suspended') { ctx.resume(); }
                  const tones = $0 ? [[880, 0, 0.12]] : [[220, 0, 0.25], [180, 0.32, 0.35]];
                  for (const [freq, start, length] of tones) {
                    const osc = ctx.createOscillator();
                    const gain = ctx.createGain();
                    osc.type = $0 ? 'sine' : 'square';
                    osc.frequency.value = freq;
                    gain.gain.value = 0.15;
                    osc.connect(gain);
                    gain.connect(ctx.destination);
                    const t = ctx.currentTime + start;
                    osc.start(t);
                    osc.stop(t + length);
                  }
                  window.__wbLastBeep = $0 ? 'pass' : 'fail';
                } catch (e) { /* no sound: the panel still shows the verdict */ }
                """, pass));
    }

    private void refocus() {
        scan.focus();
    }

    private void updateKeysHint() {
        keysHint.setText(command().isEmpty() ? getTranslation("scan.keys.hintNoCommand")
                : getTranslation("scan.keys.hint", command()));
    }

    /** The command barcode of this station; empty when switched off. */
    private static String command() {
        Object value = session().getAttribute(COMMAND_ATTRIBUTE);
        return value instanceof String s ? s : DEFAULT_COMMAND;
    }

    private static Unshipped unshippedMode() {
        Object value = session().getAttribute(UNSHIPPED_ATTRIBUTE);
        return value instanceof Unshipped u ? u : Unshipped.ASK;
    }

    private String actor() {
        return CurrentUser.get().map(UserIdentity::name).orElse("ui");
    }

    private static VaadinSession session() {
        return VaadinSession.getCurrent();
    }

    private static ScanInput.Settings settings() {
        Object value = session().getAttribute(SETTINGS_ATTRIBUTE);
        return value instanceof ScanInput.Settings s ? s : ScanInput.Settings.NONE;
    }

    @SuppressWarnings("unchecked")
    private static List<LogEntry> log() {
        Object value = session().getAttribute(LOG_ATTRIBUTE);
        if (value instanceof List<?> list) {
            return (List<LogEntry>) list;
        }
        List<LogEntry> entries = new ArrayList<>();
        session().setAttribute(LOG_ATTRIBUTE, entries);
        return entries;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scan.title") + " \u00b7 Waybill";
    }
}
