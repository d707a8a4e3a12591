package io.waybill.ui.internal.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import io.waybill.core.api.PackageNotesService;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.PackageAction;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.UploadState;
import io.waybill.spi.common.Address;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /package/<id>}: one package: ship-to address exactly as captured, lines, warehouse, tracking number,
 * carrier upload state, shortages, the marketplace cancellation flag and the audit history. The address can be
 * corrected here until a carrier holds the shipment ({@link AddressDialog}).
 */
@Route(value = "package/:id", layout = MainLayout.class)
public class PackageDetailView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ServiceNotice notice = new ServiceNotice();
    private final Div content = new Div();
    private String title;
    /** The next self-refresh while a carrier upload of the package is pending, or null. */
    private java.util.concurrent.ScheduledFuture<?> refresh;
    /** The package shown, and whether its carrier upload was pending when last shown (to announce the outcome). */
    private long shownId = -1;
    private boolean uploadPending;

    public PackageDetailView() {
        addClassName("wb-page");
        setSizeFull();
        content.setId("package-detail");
        content.addClassName("wb-detail");
        content.setWidthFull();
        add(notice, content);
        title = getTranslation("detail.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            showMissing();
            return;
        }
        load(id);
    }

    /** Shows the package with this id (again, after a change). */
    private void load(long id) {
        cancelRefresh();
        if (id != shownId) {
            uploadPending = false;
            shownId = id;
        }
        content.removeAll();
        try {
            // outside the user's warehouse/store scope the core answers "not found", as for an unknown id
            Optional<PackageDetail> detail = UiServices.packages().detail(id,
                    CurrentUser.get().map(UserIdentity::name).orElse(null));
            notice.clear();
            detail.ifPresentOrElse(this::show, this::showMissing);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void showMissing() {
        Div missing = new Div(new Span(getTranslation("detail.notFound")));
        missing.setId("detail-not-found");
        missing.addClassName("wb-alert");
        content.add(backLink(DeliveryTab.DEFAULT), missing);
    }

    private Component backLink(DeliveryTab tab) {
        RouterLink back = new RouterLink(getTranslation("detail.back", getTranslation("tab." + tab.slug())),
                DeliveryView.class, new RouteParameters("status", tab.slug()));
        back.setId("detail-back");
        back.addClassName("wb-back");
        return back;
    }

    private void show(PackageDetail d) {
        PackageRow row = d.row();
        Locale locale = getLocale();
        title = getTranslation("detail.title") + " " + row.packageNo();
        DeliveryTab tab = tabOf(row.status());

        H2 heading = new H2(row.packageNo());
        heading.setId("detail-package-no");
        Span status = new Span(getTranslation("status." + row.status().name()));
        status.setId("detail-status");
        status.addClassName("wb-badge");
        Div titleRow = new Div(heading, status);
        titleRow.addClassName("wb-title-row");
        content.add(backLink(tab), titleRow);

        if (d.orderCancelled()) {
            Div cancelled = new Div(VaadinIcon.WARNING.create(), new Span(getTranslation("detail.cancelled")));
            cancelled.setId("detail-cancelled");
            cancelled.addClassName("wb-alert");
            content.add(cancelled);
        }

        UploadState upload = null;
        if (row.status().compareTo(PackageStatus.ALLOCATED) >= 0) {
            try {
                upload = UiServices.carriers().uploadStates(List.of(row.id())).get(row.id());
            } catch (ServiceUnavailableException e) {
                // shown as unknown
            }
        }
        showUploadProgress(row, upload);

        String user = CurrentUser.get().map(UserIdentity::name).orElse(null);
        PackageNotesService notesService = null;
        Set<PackageAction> allowed = Set.of();
        try {
            notesService = UiServices.packageNotes();
            allowed = notesService.actions(row.id(), user);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        if (row.status() == PackageStatus.HELD && (allowed.contains(PackageAction.EDIT_ADDRESS)
                || allowed.contains(PackageAction.EDIT_DECLARATION))) {
            Div hint = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span(getTranslation("review.editHint")));
            hint.setId("detail-review-hint");
            hint.addClassName("wb-info");
            content.add(hint);
        }
        content.add(new MergeCard(row, user == null ? "unknown" : user, () -> load(row.id()),
                PackageGroupCard.mayChange(allowed)));
        content.add(new SplitCard(d, user == null ? "unknown" : user, () -> load(row.id()),
                PackageGroupCard.mayChange(allowed)));
        content.add(new PackageActionsBar(row, allowed, user == null ? "unknown" : user, () -> load(row.id()),
                () -> {
                    // announce the outcome even when the carrier answered before the page reloaded
                    uploadPending = true;
                    load(row.id());
                }));

        Div facts = new Div(
                fact("detail-order-no", "col.orderNo", row.orderNo()),
                fact("detail-platform-order", "detail.platformOrderId", d.platformOrderId()),
                fact("detail-store", "col.store", Formats.store(row.storeName(), row.platform())),
                fact("detail-created", "col.created", Formats.dateTime(row.createdAt(), ZoneId.systemDefault())),
                fact("detail-weight", "col.weight", Formats.weight(row.expectedWeightGrams(), locale)),
                fact("detail-warehouse", "detail.warehouse", d.warehouseCode()),
                fact("detail-carrier", "detail.carrier", d.carrierId()),
                fact("detail-tracking", "col.tracking", row.trackingNo()),
                fact("detail-carrier-label", "detail.carrierLabel", d.carrierLabel() != null
                        ? getTranslation("detail.carrierLabel.stored", d.carrierLabel().name())
                        : d.carrierId() == null ? null : getTranslation("detail.carrierLabel.none")),
                fact("detail-upload-state", "col.uploadState", UploadStates.describe(upload, this::getTranslation)),
                fact("detail-print-count", "detail.printCount", String.valueOf(d.printCount())),
                fact("detail-shortages", "col.missing", Formats.shortages(d.shortages())),
                fact("detail-total", "detail.total", Formats.money(d.value().total(), d.value().currency())),
                fact("detail-shipping-paid", "detail.shippingPaid",
                        Formats.money(d.value().shippingPaid(), d.value().currency())),
                fact("detail-currency", "detail.currency", d.value().currency()),
                fact("detail-buyer-phone", "detail.buyerPhone", d.value().buyerPhone()),
                fact("detail-buyer-email", "detail.buyerEmail", d.value().buyerEmail()),
                fact("detail-ship-by", "detail.shipBy", d.value().shipBy() == null ? null
                        : Formats.dateTime(d.value().shipBy(), ZoneId.systemDefault())),
                fact("detail-buyer-note", "detail.buyerNote", d.value().buyerNote()));
        facts.addClassName("wb-facts");

        Div address = new Div();
        address.setId("detail-address");
        address.addClassName("wb-address");
        for (String line : addressLines(d.shipTo(), locale)) {
            address.add(new Div(new Span(line)));
        }
        Div addressCard = new Div(new H3(getTranslation("detail.shipTo")), address);
        addressCard.addClassName("wb-card");
        // until upload, as the core decides (the lifecycle's one rule and the user's permission)
        if (allowed.contains(PackageAction.EDIT_ADDRESS)) {
            Button edit = new Button(getTranslation("address.edit"), VaadinIcon.EDIT.create(),
                    e -> new AddressDialog(row.id(), d.shipTo(), locale, () -> load(row.id())).open());
            edit.setId("detail-edit-address");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            addressCard.add(edit);
        }

        Div top = new Div(addressCard, facts);
        top.addClassName("wb-detail-top");
        content.add(top);
        if (notesService != null) {
            content.add(new PackageNotesCard(notesService, row.id(), user, allowed.contains(PackageAction.ADD_NOTE),
                    allowed.contains(PackageAction.EDIT_TAGS)));
        }

        Grid<PackageDetail.Line> lines = new Grid<>();
        lines.setId("detail-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        lines.addColumn(PackageDetail.Line::skuCode).setHeader(getTranslation("col.sku")).setAutoWidth(true);
        lines.addColumn(l -> l.matched() ? l.skuName() : "⚠ " + getTranslation("detail.skuUnmatched"))
                .setHeader(getTranslation("col.skuName")).setFlexGrow(1);
        lines.addColumn(PackageDetail.Line::quantity).setHeader(getTranslation("col.quantity")).setAutoWidth(true);
        lines.addColumn(l -> Formats.weight(l.weightGrams(), locale)).setHeader(getTranslation("detail.unitWeight"))
                .setAutoWidth(true);
        lines.addColumn(l -> orDash(Formats.money(l.unitPrice(), l.currency()))).setKey("unitPrice")
                .setHeader(getTranslation("detail.unitPrice")).setAutoWidth(true);
        lines.addColumn(l -> orDash(l.unitPrice() == null ? null : Formats.money(l.unitPrice()
                        .multiply(java.math.BigDecimal.valueOf(l.quantity())), l.currency()))).setKey("lineAmount")
                .setHeader(getTranslation("detail.lineAmount")).setAutoWidth(true);
        if (d.lines().stream().anyMatch(PackageDetail.Line::bundle)) {
            // a bundle (kit) line: the components picked for it, as reserved
            lines.addColumn(l -> l.components().stream().map(c -> c.skuCode() + " x" + c.quantity())
                    .collect(java.util.stream.Collectors.joining(" + "))).setKey("components")
                    .setHeader(getTranslation("detail.components")).setAutoWidth(true);
        }
        lines.setItems(d.lines());
        lines.setAllRowsVisible(true);
        content.add(new H3(getTranslation("detail.lines")), lines);
        try {
            content.add(new CustomsCard(UiServices.customs(), row, user,
                    allowed.contains(PackageAction.EDIT_DECLARATION), () -> load(row.id())));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }

        Grid<AuditEntry> history = new Grid<>();
        history.setId("history-grid");
        // wrapped: a row of the logistics rules carries every decision and refused rule of the run, each with its rule
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addColumn(a -> Formats.dateTime(a.at(), ZoneId.systemDefault())).setKey("at")
                .setHeader(getTranslation("history.at")).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        history.addColumn(AuditEntry::actor).setKey("actor").setHeader(getTranslation("history.actor"))
                .setAutoWidth(true).setFlexGrow(0).setResizable(true);
        history.addColumn(a -> AuditActions.label(a.action(), (k, p) -> getTranslation(k, p))).setKey("action")
                .setHeader(getTranslation("history.action")).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        history.addColumn(a -> transition(a.from(), a.to())).setKey("change")
                .setHeader(getTranslation("history.change")).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        history.addColumn(Reasons::of).setKey("reason")
                .setHeader(getTranslation("history.reason")).setFlexGrow(1)
                .setTooltipGenerator(Reasons::of);
        history.setItems(d.history());
        history.setAllRowsVisible(true);
        history.setEmptyStateText(getTranslation("history.empty"));
        content.add(new H3(getTranslation("detail.history")), history);
    }

    /**
     * While the package's carrier job is pending ({@code detail-upload-pending}) the page reloads itself every few
     * seconds; when a pending job ends, {@code detail-upload-outcome} says how (tracking number, or the failure).
     */
    private void showUploadProgress(PackageRow row, UploadState upload) {
        String state = upload == null || upload.state() == null ? "" : upload.state().toUpperCase(Locale.ROOT);
        boolean pending = PENDING_UPLOAD.contains(state);
        if (pending) {
            Div alert = new Div(VaadinIcon.HOURGLASS.create(), new Span(getTranslation("pkg.upload.pending",
                    UploadStates.describe(upload, this::getTranslation))));
            alert.setId("detail-upload-pending");
            alert.addClassName("wb-info");
            content.add(alert);
            scheduleRefresh(row.id());
        } else if (uploadPending) {
            boolean failed = "FAILED".equals(state) || row.status() == PackageStatus.UPLOAD_FAILED;
            Div alert = new Div(new Span(failed
                    ? getTranslation("pkg.upload.failed", UploadStates.describe(upload, this::getTranslation))
                    : getTranslation("pkg.upload.done", row.trackingNo() == null ? "—" : row.trackingNo())));
            alert.setId("detail-upload-outcome");
            alert.addClassName(failed ? "wb-alert" : "wb-info");
            if (!failed) {
                alert.addClassName("wb-ok");
            }
            alert.getElement().setAttribute("data-outcome", failed ? "failed" : "tracked");
            content.add(alert);
        }
        uploadPending = pending;
    }

    private static final Set<String> PENDING_UPLOAD = Set.of("QUEUED", "UPLOADING", "AWAITING_TRACKING");
    private static final int REFRESH_SECONDS = 3;

    private void scheduleRefresh(long id) {
        cancelRefresh();
        java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()).ifPresent(ui -> {
            try {
                refresh = UiServices.scheduler().schedule(() -> BatchUi.push(ui, () -> {
                    if (isAttached() && shownId == id) {
                        load(id);
                    }
                }), REFRESH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (ServiceUnavailableException | java.util.concurrent.RejectedExecutionException e) {
                refresh = null;
            }
        });
    }

    private void cancelRefresh() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        cancelRefresh();
        super.onDetach(event);
    }

    private String transition(PackageStatus from, PackageStatus to) {
        if (from == null && to == null) {
            return "";
        }
        String a = from == null ? "" : getTranslation("status." + from.name());
        String b = to == null ? "" : getTranslation("status." + to.name());
        return from == null ? "→ " + b : a + " → " + b;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private Div fact(String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("wb-fact-label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.setId(id);
        text.addClassName("wb-fact-value");
        Div fact = new Div(label, text);
        fact.addClassName("wb-fact");
        return fact;
    }

    /** The address as captured, one field per line, blank fields left out; the country also named. */
    static List<String> addressLines(Address a, Locale locale) {
        if (a == null) {
            return List.of();
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        for (String s : new String[]{a.name(), a.company(), a.line1(), a.line2()}) {
            if (s != null && !s.isBlank()) {
                lines.add(s);
            }
        }
        String cityLine = String.join(" ", java.util.stream.Stream.of(a.postalCode(), a.city(), a.state())
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!cityLine.isBlank()) {
            lines.add(cityLine);
        }
        if (a.countryCode() != null && !a.countryCode().isBlank()) {
            lines.add(Formats.country(a.countryCode(), locale));
        }
        for (String s : new String[]{a.phone(), a.email()}) {
            if (s != null && !s.isBlank()) {
                lines.add(s);
            }
        }
        return lines;
    }

    static DeliveryTab tabOf(PackageStatus status) {
        for (DeliveryTab t : DeliveryTab.values()) {
            if (t.statuses().contains(status)) {
                return t;
            }
        }
        return DeliveryTab.DEFAULT;
    }

    @Override
    public String getPageTitle() {
        return title + " · Waybill";
    }
}
