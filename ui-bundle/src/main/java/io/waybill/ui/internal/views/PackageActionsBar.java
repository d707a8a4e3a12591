package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.PrintRules;
import io.waybill.core.api.PrintService;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageAction;
import io.waybill.core.model.PackageRow;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

/**
 * The package page's actions ({@code detail-actions}): reprint the label, release from review, void, re-upload to
 * the carrier. Only the
 * actions the core allows for the package's status and the user's roles are shown
 * ({@code PackageNotesService#actions}); the core services decide again when an action runs.
 */
final class PackageActionsBar extends Div {

    private final PackageRow row;
    private final String actor;
    private final Runnable reload;
    private final Runnable queued;

    /**
     * @param reload shows the package again (after a change)
     * @param queued shows the package again after it was queued for upload, announcing the upload's outcome
     */
    PackageActionsBar(PackageRow row, Set<PackageAction> allowed, String actor, Runnable reload, Runnable queued) {
        this.row = row;
        this.actor = actor;
        this.reload = reload;
        this.queued = queued;
        setId("detail-actions");
        addClassName("wb-detail-actions");
        if (allowed.contains(PackageAction.REPRINT_LABEL)) {
            Button reprint = new Button(getTranslation("pkg.reprint"), VaadinIcon.PRINT.create(),
                    e -> reprint());
            reprint.setId("detail-reprint");
            if (!UiServices.printAvailable()) {
                reprint.setEnabled(false);
                reprint.getElement().setAttribute("title", getTranslation("print.unavailable"));
            }
            add(reprint);
        }
        if (allowed.contains(PackageAction.REUPLOAD)) {
            Button upload = new Button(getTranslation("pkg.reupload"), VaadinIcon.UPLOAD.create(),
                    e -> reupload());
            upload.setId("detail-reupload");
            add(upload);
        }
        if (allowed.contains(PackageAction.RELEASE)) {
            // a package held for review, once its address and declaration are right (the To review tab's Release)
            Button release = new Button(getTranslation("action.RELEASE"), VaadinIcon.CHECK.create(), e -> release());
            release.setId("detail-release");
            release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(release);
        }
        if (allowed.contains(PackageAction.VOID)) {
            Button voidIt = new Button(getTranslation("pkg.void"), VaadinIcon.BAN.create(), e -> openVoidDialog());
            voidIt.setId("detail-void");
            voidIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(voidIt);
        }
        setVisible(getComponentCount() > 0);
    }

    // ---- reprint ----

    private void reprint() {
        PrintService print;
        FulfilmentService fulfilment;
        try {
            print = UiServices.print();
            fulfilment = UiServices.fulfilment();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        List<Long> ids = List.of(row.id());
        String title = getTranslation("pkg.reprint");
        Select<LabelSize> size = new Select<>();
        size.setId("print-label-size");
        size.setLabel(getTranslation("print.labelSize"));
        size.setItems(LabelSize.values());
        size.setItemLabelGenerator(s -> getTranslation("print.size." + s.name()));
        size.setValue(LabelSize.MM100X150);
        // a shipped package may be reprinted but stays shipped: it is not marked printed
        Runnable markPrinted = PrintRules.canMarkPrinted(row.status()) ? () -> BatchUi.run(
                getTranslation("print.markTitle"), List.of(row), chunk -> fulfilment.markPrinted(chunk, actor),
                r -> reload.run()) : null;
        BatchUi.confirm(title, getTranslation("pkg.reprint.confirm", row.packageNo()), getTranslation("print.go"),
                () -> {
                    LabelSize chosen = size.getValue() == null ? LabelSize.MM100X150 : size.getValue();
                    BatchUi.work(getTranslation("print.rendering"), () -> print.labels(ids, chosen),
                            pdf -> openPdf(title, pdf, markPrinted));
                }, size);
    }

    /** {@code print-dialog}: the PDF inline; "Did the labels print correctly?" marks the package printed on Yes. */
    private void openPdf(String title, byte[] pdf, Runnable onPrinted) {
        Dialog dialog = new Dialog();
        dialog.setId("print-dialog");
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(60rem, 95vw)");
        DownloadHandler inline = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(pdf), "label-" + row.packageNo() + ".pdf", "application/pdf",
                pdf.length)).inline();
        IFrame frame = new IFrame();
        frame.setSrc(inline);
        frame.setId("print-frame");
        frame.addClassName("wb-pdf");
        Anchor open = new Anchor(inline, getTranslation("print.open"));
        open.setTarget(AnchorTarget.BLANK);
        open.setId("print-open");
        Span size = new Span(getTranslation("print.size", Math.max(1, pdf.length / 1024)));
        size.addClassName("wb-muted");
        Div links = new Div(open, size);
        links.addClassName("wb-print-links");
        dialog.add(links, frame);
        if (onPrinted == null) {
            Button close = new Button(getTranslation("action.close"), e -> dialog.close());
            close.setId("print-close");
            close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(close);
        } else {
            Span question = new Span(getTranslation("print.question"));
            question.setId("print-question");
            question.addClassName("wb-question");
            Button no = new Button(getTranslation("print.no"), e -> dialog.close());
            no.setId("print-confirm-no");
            Button yes = new Button(getTranslation("print.yes"), e -> {
                dialog.close();
                onPrinted.run();
            });
            yes.setId("print-confirm-yes");
            yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(question, no, yes);
        }
        dialog.open();
    }

    // ---- re-upload ----

    private void release() {
        io.waybill.core.api.RuleService rules;
        try {
            rules = UiServices.rules();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String title = getTranslation("action.RELEASE");
        BatchUi.confirm(title, getTranslation("confirm.release", 1), title,
                () -> BatchUi.run(title, List.of(row), ids -> rules.release(ids, actor), r -> reload.run()));
    }

    private void reupload() {
        CarrierUploadService carriers;
        try {
            carriers = UiServices.carriers();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String title = getTranslation("pkg.reupload");
        BatchUi.confirm(title, getTranslation("pkg.reupload.confirm", row.packageNo()), title,
                () -> BatchUi.work(title, () -> carriers.upload(List.of(row.id()), actor), this::afterUpload));
    }

    private void afterUpload(BatchResult result) {
        if (!result.failures().isEmpty()) {
            BatchResult.Failure f = result.failures().get(0);
            BatchUi.error(Reasons.of(f));
        }
        if (result.succeeded().isEmpty()) {
            reload.run();
            return;
        }
        BatchUi.info(getTranslation("pkg.reupload.queued", row.packageNo()));
        // queued: the page shows the carrier job's progress and refreshes itself until it has an outcome
        queued.run();
    }

    // ---- void ----

    private void openVoidDialog() {
        FulfilmentService fulfilment;
        try {
            fulfilment = UiServices.fulfilment();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        new VoidDialog(getTranslation("pkg.void.title", row.packageNo()), 1, why -> {
            BatchUi.work(getTranslation("pkg.void"), () -> fulfilment.voidPackages(List.of(row.id()), why, actor),
                    result -> {
                        if (result.failures().isEmpty()) {
                            BatchUi.info(getTranslation("pkg.void.done", row.packageNo()));
                        } else {
                            BatchResult.Failure f = result.failures().get(0);
                            BatchUi.error(Reasons.of(f));
                        }
                        reload.run();
                    });
        }).open();
    }
}
