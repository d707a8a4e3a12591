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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
 */
@Route(value = "delivery/scan", layout = MainLayout.class)
public class ScanStationView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(ScanStationView.class);
    static final int LOG_SIZE = 50;
    private static final String SETTINGS_ATTRIBUTE = ScanStationView.class.getName() + ".settings";
    private static final String LOG_ATTRIBUTE = ScanStationView.class.getName() + ".log";
    private static final String AUTO_ATTRIBUTE = ScanStationView.class.getName() + ".auto";

    /** One line of the session's scan log. */
    record LogEntry(Instant time, String scanned, String packageNo, ScanVerdicts.Style style, String code,
                    Integer measuredGrams, boolean shipped) implements Serializable {
    }

    private final ServiceNotice notice = new ServiceNotice();
    private final TextField scan = new TextField();
    private final Select<ScaleInfo> scaleSelect = new Select<>();
    private final Span scaleWeight = new Span();
    private final IntegerField manualWeight = new IntegerField();
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

        Div scanRow = new Div(scan, settingsButton, settingsPopover);
        scanRow.addClassName("wb-scan-row");

        // scale, or a weight typed by hand
        scaleSelect.setId("scale-select");
        scaleSelect.setLabel(getTranslation("scan.scale"));
        scaleSelect.setEmptySelectionAllowed(true);
        scaleSelect.setEmptySelectionCaption(getTranslation("scan.scale.none"));
        scaleSelect.setItemLabelGenerator(s -> s == null ? getTranslation("scan.scale.none")
                : ScanVerdicts.scaleLabel(s, this::getTranslation));
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
        manualWeight.setHelperText(getTranslation("scan.manualWeight.help"));
        manualWeight.setSuffixComponent(new Span("g"));
        manualWeight.setMin(0);
        manualWeight.setMax(1_000_000);
        manualWeight.setStepButtonsVisible(false);
        Div scaleRow = new Div(scaleSelect, weightBox, readScale, manualWeight);
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

        // session log
        logGrid.setId("scan-log");
        logGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        logGrid.addColumn(e -> Formats.dateTime(e.time(), ZoneId.systemDefault())).setKey("time")
                .setHeader(getTranslation("scan.log.time")).setWidth("9.5rem").setFlexGrow(0);
        logGrid.addColumn(e -> e.packageNo() == null ? e.scanned() : e.packageNo()).setKey("package")
                .setHeader(getTranslation("col.packageNo")).setWidth("10rem").setFlexGrow(1);
        logGrid.addColumn(e -> getTranslation(e.style().titleKey())
                        + (e.style() == ScanVerdicts.Style.REFUSED && e.code() != null ? " \u00b7 " + e.code() : ""))
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
                const typing = 'vaadin-text-field, vaadin-integer-field, vaadin-password-field, vaadin-text-area,'
                    + ' vaadin-select, vaadin-combo-box, input, textarea, select';
                field.addEventListener('focusout', () => setTimeout(() => {
                  if (!field.isConnected) { return; }
                  if (document.querySelector('vaadin-dialog-overlay[opened], vaadin-popover-overlay[opened],'
                      + ' vaadin-select-overlay[opened]')) { return; }
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
        Span title = new Span(getTranslation("scan.settings"));
        title.addClassName("wb-popover-title");
        Div content = new Div(title, prefix, suffix, help);
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
            Integer grams = manualWeight.getValue();
            if (manualWeight.isInvalid()) {
                grams = null;
            }
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
            refocus();
            return;
        }
        try {
            Integer grams = weigh();
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
            Integer grams = weigh();
            // re-check the package on screen with the new weight (not after shipping or a refusal)
            if (lastResult != null && !lastResult.shipped() && lastResult.outcome() != ScanResult.Outcome.REFUSED
                    && lastScanned != null) {
                lastGrams = grams;
                ScanResult result = autoDelivery.getValue()
                        ? UiServices.shipping().ship(lastScanned, grams, actor())
                        : UiServices.shipping().check(lastScanned, grams);
                showVerdict(result, lastScanned);
            }
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (RuntimeException e) {
            LOG.warn("Reading the scale failed", e);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
        refocus();
    }

    private void shipLast() {
        if (!ScanVerdicts.canShip(lastResult) || lastScanned == null) {
            refocus();
            return;
        }
        try {
            ScanResult result = UiServices.shipping().ship(lastScanned, lastGrams, actor());
            showVerdict(result, lastScanned);
            if (result.shipped()) {
                manualWeight.clear();
            }
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        } catch (RuntimeException e) {
            LOG.warn("Shipping {} failed", lastScanned, e);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
        refocus();
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
                if (result.shipped()) {
                    manualWeight.clear();
                }
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
            verdictCode.setText(result.code() == null ? result.outcome().name() : result.code());
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
        String key = ScanVerdicts.refusalKey(result);
        boolean english = "en".equals(locale.getLanguage());
        if (key != null && !english) {
            return getTranslation(key, result.packageNo() != null ? result.packageNo() : scanned);
        }
        return switch (result.outcome()) {
            case PASS, WEIGHT_FAIL -> english ? result.message() : getTranslation(
                    result.outcome() == ScanResult.Outcome.PASS ? "scan.message.pass" : "scan.message.mismatch");
            case NO_WEIGHT -> getTranslation("invalid_weight".equals(result.code()) ? "scan.message.invalidWeight"
                    : "scan.message.noWeight");
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
