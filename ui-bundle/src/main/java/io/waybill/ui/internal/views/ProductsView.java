package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.ProductService;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductComponent;
import io.waybill.core.model.RowError;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.i18n.WaybillI18NProvider;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /products}: the product master. A grid paged on the server (the catalogue may hold 100,000 products),
 * filtered by SKU prefix, name or barcode; a form to add or change a product (checked by the core's one product
 * validator, its reasons shown in the form); a catalogue import (CSV/XLSX) with a preview listing every problem by
 * row and column and a confirm that imports all or nothing; exports of the catalogue, the stock and a template.
 * Supervisors and admins edit; operators only look.
 */
@Route(value = "products", layout = MainLayout.class)
public class ProductsView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    private final Grid<Product> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Span count = new Span();
    private final ServiceNotice notice = new ServiceNotice();
    private final boolean mayEdit;
    private UI ui;
    private String previewId;

    public ProductsView() {
        addClassName("wb-page");
        setSizeFull();
        mayEdit = CurrentUser.get().map(u -> Permission.EDIT_CATALOGUE.allowedFor(
                Set.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN).stream()
                        .filter(u::hasRole).collect(Collectors.toSet()))).orElse(false);
        count.setId("products-count");
        count.addClassName("wb-badge");
        Div titleRow = new Div(new H2(getTranslation("products.title")), count);
        titleRow.addClassName("wb-title-row");

        filter.setId("products-filter");
        filter.setLabel(getTranslation("products.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> reload());
        Button add = new Button(getTranslation("products.new"), VaadinIcon.PLUS.create(), e -> openForm(null));
        add.setId("products-new");
        add.setVisible(mayEdit);
        Button importButton = new Button(getTranslation("products.import"), VaadinIcon.UPLOAD.create(),
                e -> openImport());
        importButton.setId("products-import");
        importButton.setVisible(mayEdit);
        Div filters = new Div(filter, add, importButton, exports());
        filters.addClassName("wb-filters");

        grid.setId("products-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Product::sku).setKey("sku").setHeader(getTranslation("col.sku")).setAutoWidth(true);
        grid.addColumn(Product::name).setKey("name").setHeader(getTranslation("products.name")).setFlexGrow(1)
                .setTooltipGenerator(Product::name);
        grid.addColumn(p -> p.nameZh() == null ? "" : p.nameZh()).setKey("nameZh")
                .setHeader(getTranslation("products.nameZh")).setFlexGrow(1);
        grid.addColumn(p -> String.join(" ", p.barcodes())).setKey("barcodes")
                .setHeader(getTranslation("products.barcodes")).setAutoWidth(true);
        grid.addColumn(p -> p.weightGrams() != null ? Formats.weight(p.weightGrams(), getLocale())
                        : p.bundle() ? getTranslation("products.weightBundle") : "").setKey("weight")
                .setHeader(getTranslation("col.weight")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.declaredValue() == null ? "" : p.declaredValue().toPlainString() + " "
                + (p.currency() == null ? "" : p.currency())).setKey("value")
                .setHeader(getTranslation("products.value")).setAutoWidth(true);
        grid.addColumn(p -> p.hsCode() == null ? "" : p.hsCode()).setKey("hs")
                .setHeader(getTranslation("products.hs")).setAutoWidth(true);
        grid.addColumn(p -> p.originCountry() == null ? "" : p.originCountry()).setKey("origin")
                .setHeader(getTranslation("products.origin")).setAutoWidth(true);
        grid.addColumn(this::dangerousGoods).setKey("dg").setHeader(getTranslation("products.dg")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.enabled() ? "products.yes" : "products.no")).setKey("enabled")
                .setHeader(getTranslation("products.enabled")).setAutoWidth(true);
        grid.addColumn(p -> componentsText(p.components())).setKey("components")
                .setHeader(getTranslation("products.components")).setAutoWidth(true);
        if (mayEdit) {
            grid.addComponentColumn(p -> {
                Button edit = new Button(getTranslation("products.edit"), e -> openForm(p));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.addClassName("product-edit");
                return edit;
            }).setKey("edit").setAutoWidth(true).setFlexGrow(0);
            grid.addItemDoubleClickListener(e -> openForm(e.getItem()));
        }
        grid.setEmptyStateText(getTranslation("products.empty"));
        grid.setSizeFull();

        add(titleRow, notice, filters, grid);
        setFlexGrow(1, grid);
        reload();
    }

    private String dangerousGoods(Product p) {
        StringBuilder sb = new StringBuilder();
        if (p.battery()) {
            sb.append(getTranslation("products.battery")).append(' ');
        }
        if (p.liquid()) {
            sb.append(getTranslation("products.liquid")).append(' ');
        }
        if (p.magnet()) {
            sb.append(getTranslation("products.magnet")).append(' ');
        }
        if (p.powder()) {
            sb.append(getTranslation("products.powder")).append(' ');
        }
        return sb.toString().strip();
    }

    /** The grid asks the core for one page at a time (offset/limit), never the whole catalogue. */
    private void reload() {
        String f = filter.getValue() == null ? "" : filter.getValue().strip();
        try {
            ProductService products = UiServices.products();
            int total = products.list(f, 0, 0).total();
            // the grid's first count request takes the count just made (with a filter each count scans the whole
            // catalogue); later requests (refresh) count again
            int[] counted = {total};
            grid.setItems(q -> products.list(f, q.getOffset(), q.getLimit()).products().stream(), q -> {
                int known = counted[0];
                counted[0] = -1;
                return known >= 0 ? known : products.list(f, 0, 0).total();
            });
            grid.getElement().setAttribute("data-filter", f);
            count.setText(getTranslation("products.count", total));
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            count.setText("–");
        }
    }

    private Div exports() {
        Div links = new Div();
        links.addClassName("wb-export-links");
        links.add(download("products-export-csv", "products.exportCsv", "catalogue",
                f -> UiServices.products().exportCatalogue(f, chinese()), CatalogueFormat.CSV));
        links.add(download("products-export-xlsx", "products.exportXlsx", "catalogue",
                f -> UiServices.products().exportCatalogue(f, chinese()), CatalogueFormat.XLSX));
        links.add(download("stock-export-csv", "products.stockCsv", "stock",
                f -> UiServices.products().exportStock(f, chinese()), CatalogueFormat.CSV));
        links.add(download("stock-export-xlsx", "products.stockXlsx", "stock",
                f -> UiServices.products().exportStock(f, chinese()), CatalogueFormat.XLSX));
        links.add(download("products-template", "products.template", "catalogue-template",
                f -> UiServices.products().template(f, chinese()), CatalogueFormat.XLSX));
        return links;
    }

    private boolean chinese() {
        return WaybillI18NProvider.CHINESE.equals(WaybillI18NProvider.supported(getLocale()));
    }

    private Anchor download(String id, String label, String name, Function<CatalogueFormat, byte[]> content,
                            CatalogueFormat format) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.apply(format);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name + "." + format.extension(),
                    format.mimeType(), bytes.length);
        });
        Anchor a = new Anchor(handler, getTranslation(label));
        a.setId(id);
        a.getElement().setAttribute("download", name + "." + format.extension());
        a.addClassName("wb-export-link");
        return a;
    }

    /** {@code product-dialog}: add ({@code product == null}) or change a product. */
    private void openForm(Product product) {
        ProductService products;
        try {
            products = UiServices.products();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        Dialog dialog = new Dialog();
        dialog.setId("product-dialog");
        dialog.setHeaderTitle(product == null ? getTranslation("products.new")
                : getTranslation("products.editTitle", product.sku()));
        dialog.setWidth("min(48rem, 95vw)");
        TextField sku = text("product-sku", "col.sku", product == null ? null : product.sku());
        sku.setReadOnly(product != null);
        sku.setRequiredIndicatorVisible(true);
        TextField name = text("product-name", "products.name", product == null ? null : product.name());
        name.setRequiredIndicatorVisible(true);
        TextField nameZh = text("product-name-zh", "products.nameZh", product == null ? null : product.nameZh());
        TextField barcodes = text("product-barcodes", "products.barcodes",
                product == null ? null : String.join(" | ", product.barcodes()));
        barcodes.setHelperText(getTranslation("products.barcodesHelp"));
        IntegerField weight = integer("product-weight", "products.weight", product == null ? null
                : product.weightGrams());
        weight.setRequiredIndicatorVisible(true);
        IntegerField tolerance = integer("product-tolerance", "products.tolerance", product == null ? null
                : product.weightToleranceGrams());
        IntegerField length = integer("product-length", "products.length", product == null ? null : product.lengthMm());
        IntegerField width = integer("product-width", "products.width", product == null ? null : product.widthMm());
        IntegerField height = integer("product-height", "products.height", product == null ? null : product.heightMm());
        BigDecimalField value = new BigDecimalField(getTranslation("products.value"));
        value.setId("product-value");
        value.setValue(product == null ? null : product.declaredValue());
        TextField currency = text("product-currency", "products.currency", product == null ? null : product.currency());
        currency.setMaxLength(3);
        TextField hs = text("product-hs", "products.hs", product == null ? null : product.hsCode());
        TextField origin = text("product-origin", "products.origin", product == null ? null : product.originCountry());
        origin.setMaxLength(2);
        TextField customsEn = text("product-customs-en", "products.customsNameEn", product == null ? null
                : product.customsNameEn());
        customsEn.setHelperText(getTranslation("products.customsNameEnHelp"));
        TextField customsZh = text("product-customs-zh", "products.customsNameZh", product == null ? null
                : product.customsNameZh());
        customsZh.setHelperText(getTranslation("products.customsNameZhHelp"));
        TextArea material = new TextArea(getTranslation("products.material"));
        material.setId("product-material");
        material.setValue(product == null || product.material() == null ? "" : product.material());
        Checkbox battery = check("product-battery", "products.battery", product != null && product.battery());
        Checkbox liquid = check("product-liquid", "products.liquid", product != null && product.liquid());
        Checkbox magnet = check("product-magnet", "products.magnet", product != null && product.magnet());
        Checkbox powder = check("product-powder", "products.powder", product != null && product.powder());
        Checkbox enabled = check("product-enabled", "products.enabled", product == null || product.enabled());
        TextField components = text("product-components", "products.components",
                product == null ? null : componentsText(product.components()));
        components.setHelperText(getTranslation("products.componentsHelp"));
        components.setWidthFull();
        Span error = new Span();
        error.setId("product-error");
        error.addClassName("wb-error");
        error.setVisible(false);

        Div names = row(sku, name, nameZh);
        Div codes = row(barcodes, weight, tolerance);
        Div dims = row(length, width, height);
        Div customs = row(value, currency, hs, origin);
        Div customsNames = row(customsEn, customsZh);
        Div flags = row(battery, liquid, magnet, powder, enabled);
        dialog.add(names, codes, dims, customs, customsNames, material, flags, components, error);

        Button save = new Button(getTranslation("products.save"), e -> {
            List<ProductComponent> parts = new ArrayList<>();
            for (String part : components.getValue().split("[;；]+")) {
                String t = part.strip().replace('×', '*');
                if (t.isEmpty()) {
                    continue;
                }
                int star = t.lastIndexOf('*');
                try {
                    parts.add(star < 0 ? new ProductComponent(t, 1) : new ProductComponent(t.substring(0, star)
                            .strip(), Integer.parseInt(t.substring(star + 1).strip())));
                } catch (NumberFormatException ex) {
                    error.setText(getTranslation("products.componentsUnreadable", part.strip()));
                    error.setVisible(true);
                    error.scrollIntoView();
                    return;
                }
            }
            Product p = new Product(sku.getValue(), name.getValue(), nameZh.getValue(),
                    Arrays.stream(barcodes.getValue().split("[|;,\\s]+")).filter(b -> !b.isBlank()).toList(),
                    weight.getValue(), tolerance.getValue(), length.getValue(), width.getValue(), height.getValue(),
                    value.getValue(), currency.getValue(), hs.getValue(), origin.getValue(), material.getValue(),
                    battery.getValue(), liquid.getValue(), magnet.getValue(), powder.getValue(), enabled.getValue(),
                    parts, customsEn.getValue(), customsZh.getValue());
            try {
                Product saved = product == null ? products.create(p, actor) : products.update(p, actor);
                dialog.close();
                reload();
                BatchUi.info(getTranslation("products.saved", saved.sku()));
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
                error.scrollIntoView();
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(ProductsView.class).warn("Saving a product failed", ex);
                error.setText(getTranslation("batch.unexpected"));
                error.setVisible(true);
                error.scrollIntoView();
            }
        });
        save.setId("product-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("product-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** A bundle's components as the form and the files write them: {@code SKU-A*2;SKU-B*1}. */
    private static String componentsText(List<ProductComponent> components) {
        return components.stream().map(ProductComponent::toString).collect(java.util.stream.Collectors.joining(
                ProductComponent.SEPARATOR));
    }

    private TextField text(String id, String label, String value) {
        TextField f = new TextField(getTranslation(label));
        f.setId(id);
        f.setValue(value == null ? "" : value);
        return f;
    }

    private IntegerField integer(String id, String label, Integer value) {
        IntegerField f = new IntegerField(getTranslation(label));
        f.setId(id);
        f.setValue(value);
        return f;
    }

    private Checkbox check(String id, String label, boolean value) {
        Checkbox c = new Checkbox(getTranslation(label), value);
        c.setId(id);
        return c;
    }

    private static Div row(com.vaadin.flow.component.Component... fields) {
        Div d = new Div(fields);
        d.addClassName("wb-form-row");
        return d;
    }

    /**
     * {@code products-import-dialog}: upload a .csv/.xlsx, see the preview (rows, new, to update, every problem by
     * row and column); confirm is offered only for a file without problems and imports all of it in one go.
     */
    private void openImport() {
        Dialog dialog = new Dialog();
        dialog.setId("products-import-dialog");
        dialog.setHeaderTitle(getTranslation("products.importTitle"));
        dialog.setWidth("min(60rem, 95vw)");
        Paragraph help = new Paragraph(getTranslation("products.importHelp"));
        help.addClassName("wb-muted");
        Checkbox update = new Checkbox(getTranslation("products.importUpdate"));
        update.setId("products-import-update");
        Span summary = new Span();
        summary.setId("products-import-summary");
        Grid<RowError> errors = CaptureResultPanel.RowErrors.grid();
        errors.setId("products-import-errors");
        errors.setVisible(false);
        Button confirm = new Button(getTranslation("products.importConfirm"));
        confirm.setId("products-import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        Upload upload = new Upload();
        upload.setId("products-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv", CatalogueFormat.XLSX.mimeType());
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> {
            UI target = ui;
            if (target != null) {
                BatchUi.push(target, () -> {
                    discardPreview();
                    String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
                    boolean updating = update.getValue();
                    // the service is looked up here, on the UI thread: the worker has no VaadinService
                    ProductService service;
                    try {
                        service = UiServices.products();
                    } catch (ServiceUnavailableException ex) {
                        notice.show(ex);
                        return;
                    }
                    BatchUi.work(getTranslation("import.checking", meta.fileName()),
                            () -> service.previewImport(meta.fileName(), bytes, updating, actor), p -> {
                                previewId = p.previewId();
                                summary.setText(getTranslation("products.importSummary", p.dataRows(),
                                        p.newProducts(), p.updated(), p.errors().size()));
                                summary.getElement().setAttribute("data-problems",
                                        String.valueOf(p.errors().size()));
                                errors.setItems(p.errors());
                                errors.setVisible(!p.errors().isEmpty());
                                confirm.setEnabled(p.acceptable());
                                confirm.setText(p.acceptable()
                                        ? getTranslation("products.importConfirmN", p.dataRows())
                                        : getTranslation("products.importRefused"));
                            });
                });
            }
        }));
        upload.addFileRejectedListener(e -> BatchUi.error(e.getErrorMessage()));
        confirm.addClickListener(e -> {
            String id = previewId;
            previewId = null;
            confirm.setEnabled(false);
            String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
            ProductService service;
            try {
                service = UiServices.products();
            } catch (ServiceUnavailableException ex) {
                notice.show(ex);
                return;
            }
            BatchUi.work(getTranslation("import.importing"), () -> service.confirmImport(id, actor),
                    n -> {
                        dialog.close();
                        reload();
                        BatchUi.info(getTranslation("products.imported", n));
                    });
        });
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("products-import-close");
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardPreview();
            }
        });
        dialog.add(help, update, upload, summary, errors);
        dialog.getFooter().add(close, confirm);
        dialog.open();
    }

    private void discardPreview() {
        String id = previewId;
        previewId = null;
        if (id != null) {
            try {
                UiServices.products().discardImport(id);
            } catch (RuntimeException e) {
                // previews expire on their own
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        discardPreview();
        ui = null;
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("products.title") + " · Waybill";
    }
}
