package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RowError;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.web.BoundedUploadHandler;
import io.waybill.ui.internal.web.UploadLimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code /orders/import}: an order file (CSV) for one store is checked first (nothing written), the preview shows
 * what would be imported and every problem by row and column; only the confirm click imports (all or nothing).
 */
@Route(value = "orders/import", layout = MainLayout.class)
public class ImportOrdersView extends VerticalLayout implements HasDynamicTitle {

    private final ComboBox<StoreInfo> store = new ComboBox<>();
    private final Upload upload = new Upload();
    private final ServiceNotice notice = new ServiceNotice();
    private final Div preview = new Div();
    private final Span summary = new Span();
    /** Lines whose SKU is not matched: their orders import into "SKU not matched" (not problems). */
    private final com.vaadin.flow.component.html.UnorderedList held = new com.vaadin.flow.component.html.UnorderedList();
    private final Grid<RowError> errors = CaptureResultPanel.RowErrors.grid();
    private final Button confirm = new Button();
    private final Button discard = new Button();
    private final CaptureResultPanel result = new CaptureResultPanel("import");
    private ImportPreview current;
    /** Why the last file could not be read (wrong header row, ...): stays on the page until the next file. */
    private final Div fileError = new Div();
    private final Span fileErrorText = new Span();
    /** "Compare the first row with a template": shown for the problems of the header row only. */
    private final Span fileErrorHint = new Span();
    /** The order-file problems a template helps with (the header row's). */
    private static final Set<String> HEADER_PROBLEMS = Set.of(Reason.FILE_EMPTY, Reason.FILE_HEADER_EMPTY,
            Reason.FILE_COLUMNS_MISSING, Reason.FILE_COLUMN_TWICE, Reason.FILE_PLUGIN);

    public ImportOrdersView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("import.title")));
        titleRow.addClassName("wb-title-row");
        Paragraph help = new Paragraph(getTranslation("import.help"));
        help.addClassName("wb-muted");

        store.setId("import-store");
        store.setLabel(getTranslation("filter.store"));
        store.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()) + " (" + s.code() + ")");
        store.setRequiredIndicatorVisible(true);
        store.setWidth("20rem");
        try {
            store.setItems(UiServices.stores().stores());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }

        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadLimit.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        // the server counts the bytes too (and WebSecurityFilter bounds the request): nothing beyond the limit is kept
        upload.setUploadHandler(BoundedUploadHandler.ofUploadLimit((meta, bytes) -> check(meta.fileName(), bytes),
                meta -> {
                    BatchUi.error(getTranslation("upload.refusedTooLarge", UploadLimit.MAX_FILE_TEXT));
                    upload.clearFileList();
                }));
        upload.addFileRejectedListener(e -> BatchUi.error(e.getErrorMessage()));
        upload.setEnabled(false);
        upload.setI18n(uploadTexts());
        store.addValueChangeListener(e -> {
            upload.setEnabled(e.getValue() != null);
            reset();
        });
        Div form = new Div(store, upload);
        form.addClassName("wb-import-form");

        // templates: the header names the CSV reader knows, in English and in Chinese, with one example order
        Span templatesLabel = new Span(getTranslation("import.templates"));
        Anchor templateEn = template("import-template-en", "orders-template-en.csv", "import.template.en");
        Anchor templateZh = template("import-template-zh", "orders-template-zh.csv", "import.template.zh");
        Div templates = new Div(templatesLabel, templateEn, templateZh);
        templates.setId("import-templates");
        templates.addClassName("wb-import-templates");

        fileError.setId("import-file-error");
        fileError.addClassName("wb-alert");
        fileErrorText.setId("import-file-error-text");
        fileErrorHint.setId("import-file-error-hint");
        fileErrorHint.setText(getTranslation("import.fileErrorHint"));
        fileErrorHint.addClassName("wb-muted");
        fileError.add(new com.vaadin.flow.component.html.Span(getTranslation("import.fileError")), fileErrorText,
                fileErrorHint);
        fileError.setVisible(false);

        summary.setId("import-summary");
        summary.addClassName("wb-import-summary");
        errors.setId("import-errors");
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirmImport());
        discard.setId("import-discard");
        discard.setText(getTranslation("import.discard"));
        discard.addClickListener(e -> {
            discardPreview();
            reset();
        });
        Div buttons = new Div(discard, confirm);
        buttons.addClassName("wb-actions");
        preview.setId("import-preview");
        preview.addClassName("wb-card");
        preview.addClassName("wb-result");
        held.setId("import-held");
        preview.add(summary, errors, held, buttons);
        preview.setVisible(false);

        add(titleRow, help, notice, form, templates, fileError, preview, result);
    }

    /** Checks the file on a worker (parsing 20 MB takes a moment) and shows the preview. */
    private void check(String fileName, byte[] content) {
        StoreInfo chosen = store.getValue();
        if (chosen == null) {
            BatchUi.error(getTranslation("import.storeFirst"));
            return;
        }
        OrderCaptureService capture;
        try {
            capture = UiServices.capture();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        discardPreview();
        result.clear();
        fileError.setVisible(false);
        BatchUi.work(getTranslation("import.checking", fileName),
                () -> capture.previewImport(chosen.code(), fileName, content), this::showPreview,
                refused -> showFileError(fileName, refused));
    }

    /**
     * A file that cannot be read at all (wrong header row, not a CSV, empty): the reason stays on the page, and the
     * file leaves the upload list (a file shown there with a tick would read as accepted).
     */
    private void showFileError(String fileName, OperationRefusedException refused) {
        upload.clearFileList();
        fileErrorText.setText(getTranslation("import.fileErrorText", fileName, Reasons.of(refused)));
        fileErrorHint.setVisible(aboutTheHeader(refused));
        fileError.setVisible(true);
    }

    /**
     * Whether the refusal is about the header row (or an order-file plugin's words the core cannot tell), where the
     * templates help; an encoding, size or setting problem says itself what to do.
     */
    static boolean aboutTheHeader(OperationRefusedException refused) {
        Reason reason = refused.reason();
        if (reason == null || !Reason.UNREADABLE_FILE.equals(reason.code()) || reason.params().isEmpty()) {
            return true;
        }
        return Reason.decode(reason.params().get(0)).stream().anyMatch(r -> HEADER_PROBLEMS.contains(r.code()));
    }

    /** A download link for a template file of this bundle. */
    private Anchor template(String id, String fileName, String labelKey) {
        byte[] bytes;
        try (InputStream in = ImportOrdersView.class.getResourceAsStream("/io/waybill/ui/internal/templates/"
                + fileName)) {
            if (in == null) {
                throw new IllegalStateException("template " + fileName + " missing from the bundle");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DownloadHandler handler = io.waybill.ui.internal.web.BytesDownload.attachment(bytes, fileName,
                "text/csv; charset=UTF-8");
        Anchor anchor = new Anchor(handler, getTranslation(labelKey));
        anchor.setId(id);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }

    private void showPreview(ImportPreview p) {
        current = p;
        summary.setText(getTranslation("import.summary", p.dataRows(), p.validOrders(), p.duplicates(),
                p.errors().size()));
        errors.setItems(p.errors());
        errors.setVisible(!p.errors().isEmpty());
        held.removeAll();
        for (io.waybill.core.model.RowError h : p.held()) {
            held.add(new com.vaadin.flow.component.html.ListItem(getTranslation("import.held", h.row(),
                    Reasons.of(h))));
        }
        held.setVisible(!p.held().isEmpty());
        confirm.setText(getTranslation("import.confirm", p.validOrders()));
        confirm.setEnabled(p.validOrders() > 0);
        preview.setVisible(true);
    }

    private void confirmImport() {
        if (current == null) {
            return;
        }
        String previewId = current.previewId();
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        OrderCaptureService capture;
        try {
            capture = UiServices.capture();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        confirm.setEnabled(false);
        current = null;
        BatchUi.work(getTranslation("import.importing"), () -> capture.confirmImport(previewId, actor), r -> {
            preview.setVisible(false);
            upload.clearFileList();
            result.show(r);
        });
    }

    private void discardPreview() {
        if (current == null) {
            return;
        }
        String previewId = current.previewId();
        current = null;
        try {
            UiServices.capture().discardImport(previewId);
        } catch (RuntimeException e) {
            // previews expire on their own
        }
    }

    private void reset() {
        preview.setVisible(false);
        fileError.setVisible(false);
        errors.setItems(List.of());
        result.clear();
        upload.clearFileList();
    }

    private UploadI18N uploadTexts() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add")).setMany(getTranslation("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop"))
                .setMany(getTranslation("upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.tooMany"))
                .setFileIsTooBig(getTranslation("upload.tooBig", UploadLimit.MAX_FILE_TEXT)).setIncorrectFileType(getTranslation("upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.connecting"))
                        .setStalled(getTranslation("upload.stalled")).setProcessing(getTranslation("upload.processing"))
                        .setHeld(getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("upload.remaining")).setUnknown(getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(getTranslation("upload.serverError"))
                        .setForbidden(getTranslation("upload.forbidden", UploadLimit.MAX_FILE_TEXT))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("upload.retry")).setStart(getTranslation("upload.start"))
                .setRemove(getTranslation("upload.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // leaving the page abandons the preview: nothing was imported, and nothing will be
        discardPreview();
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · Waybill";
    }
}
