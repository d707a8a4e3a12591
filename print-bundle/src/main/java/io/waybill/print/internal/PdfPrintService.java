package io.waybill.print.internal;

import io.waybill.core.api.CustomsService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PrintRules;
import io.waybill.core.api.PrintService;
import io.waybill.core.api.StockService;
import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.common.Address;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PrintService} rendering with Apache PDFBox: the picking list, and the labels in picking order: the
 * carrier's own PDF label where one is stored, else a generated label. Also the same labels as ZPL, written out or
 * sent to a network label printer. Fonts are read and parsed once per service (parsed fonts are reused by later
 * documents, one document at a time each) and embedded once per document.
 */
@Component(service = PrintService.class, configurationPid = "io.waybill.print")
@Designate(ocd = PrintConfig.class)
public final class PdfPrintService implements PrintService {

    private static final Logger LOG = LoggerFactory.getLogger(PdfPrintService.class);
    private static final int MAX_PACKAGES = 5_000;
    private static final int LABEL_CHUNK = 200;

    private final PackageService packages;
    private final StockService stock;
    private final FontLibrary fonts;
    private final LabelLayout standard = new StandardLabelLayout();
    private final String zplPrinter;
    private final CustomsFormLayout customsLayout = new CustomsFormLayout();
    private volatile CustomsForm.Limits cn22Limits = CustomsForm.Limits.parse(CustomsForm.Limits.DEFAULTS);
    private volatile java.time.Clock clock = java.time.Clock.systemDefaultZone();

    /**
     * Declarations for the CN22/CN23 pages after the labels of international packages; absent (an older core, or
     * a test without one): no customs pages.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CustomsService customs;

    @Activate
    public PdfPrintService(@Reference PackageService packages, @Reference StockService stock, PrintConfig config) {
        this(packages, stock, new FontLibrary(config == null ? null : config.cjkFont(),
                config == null ? null : config.symbolFont()), config == null ? null : config.zplPrinter());
        if (config != null) {
            try {
                cn22Limits = CustomsForm.Limits.parse(config.cn22Limits());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}; the defaults are used", e.getMessage());
            }
        }
        if (fonts.cjk() == null) {
            LOG.warn("{}", fonts.cjkProblem());
        }
        if (fonts.symbol() == null) {
            LOG.warn("{}", fonts.symbolProblem());
        }
    }

    PdfPrintService(PackageService packages, StockService stock, FontLibrary fonts) {
        this(packages, stock, fonts, null);
    }

    PdfPrintService(PackageService packages, StockService stock, FontLibrary fonts, String zplPrinter) {
        this.packages = packages;
        this.stock = stock;
        this.fonts = fonts;
        this.zplPrinter = zplPrinter;
    }

    @Override
    public List<Integer> unprintable(String text) {
        return fonts.unprintable(text);
    }

    @Override
    public byte[] pickingList(List<Long> packageIds, Locale locale) {
        PickingPlan plan = PickingPlan.of(load(packageIds, PrintRules.Document.PICKING_LIST), stock);
        try (PDDocument document = new PDDocument(); DocumentFonts documentFonts = new DocumentFonts(document, fonts)) {
            new PickingListRenderer(document, documentFonts, Messages.of(locale)).render(plan);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] labels(List<Long> packageIds, LabelSize size) {
        List<PackageDetail> details = load(packageIds, PrintRules.Document.CARRIER_LABEL);
        requirePrintableRecipients(details);
        PickingPlan plan = PickingPlan.of(details, stock);
        Map<String, WarehouseInfo> warehouses = new HashMap<>();
        for (WarehouseInfo warehouse : stock.warehouses()) {
            warehouses.put(warehouse.code(), warehouse);
        }
        PDRectangle page = pageSize(size);
        List<PackageDetail> ordered = plan.packages();
        try (PDDocument document = new PDDocument(); DocumentFonts documentFonts = new DocumentFonts(document, fonts);
                CarrierPages carrierPages = new CarrierPages(document)) {
            Map<Long, CarrierLabel> carrierLabels = Map.of();
            for (int i = 0; i < ordered.size(); i++) {
                if (i % LABEL_CHUNK == 0) { // stored labels a chunk at a time, not all of a 5,000 batch at once
                    carrierLabels = packages.carrierLabels(ordered.subList(i, Math.min(ordered.size(),
                            i + LABEL_CHUNK)).stream().map(d -> d.row().id()).toList());
                }
                PackageDetail detail = ordered.get(i);
                CarrierLabel carrier = carrierLabels.get(detail.row().id());
                if (carrier != null && carrier.format() == LabelDocument.Format.PDF) {
                    try {
                        carrierPages.append(carrier.content(), page);
                        continue;
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("The {} label of package {} cannot be read ({}); printing Waybill's label instead",
                                carrier.carrierId(), detail.row().packageNo(), e.getMessage());
                    }
                }
                LabelData label = LabelData.of(detail, warehouses.get(detail.warehouseCode()));
                PDPage pdfPage = new PDPage(page);
                document.addPage(pdfPage);
                try (PdfCanvas canvas = new PdfCanvas(new PDPageContentStream(document, pdfPage), documentFonts)) {
                    layoutFor(detail, size).draw(canvas, page, label);
                }
                customsPages(document, documentFonts, page, detail, warehouses.get(detail.warehouseCode()));
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] zplLabels(List<Long> packageIds) {
        PickingPlan plan = PickingPlan.of(load(packageIds, PrintRules.Document.CARRIER_LABEL), stock);
        Map<String, WarehouseInfo> warehouses = new HashMap<>();
        for (WarehouseInfo warehouse : stock.warehouses()) {
            warehouses.put(warehouse.code(), warehouse);
        }
        List<PackageDetail> ordered = plan.packages();
        ByteArrayOutputStream out = new ByteArrayOutputStream(ordered.size() * 1024);
        Map<Long, CarrierLabel> carrierLabels = Map.of();
        for (int i = 0; i < ordered.size(); i++) {
            if (i % LABEL_CHUNK == 0) {
                carrierLabels = packages.carrierLabels(ordered.subList(i, Math.min(ordered.size(), i + LABEL_CHUNK))
                        .stream().map(d -> d.row().id()).toList());
            }
            PackageDetail detail = ordered.get(i);
            CarrierLabel carrier = carrierLabels.get(detail.row().id());
            byte[] zpl = carrier != null && carrier.format() == LabelDocument.Format.ZPL ? carrier.content()
                    : ZplLabel.of(LabelData.of(detail, warehouses.get(detail.warehouseCode())))
                    .getBytes(StandardCharsets.UTF_8);
            out.writeBytes(zpl);
            if (zpl.length > 0 && zpl[zpl.length - 1] != '\n') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Override
    public String sendZpl(List<Long> packageIds, String printer) {
        RawTcpPrinter target = RawTcpPrinter.parse(printer == null || printer.isBlank() ? zplPrinter : printer);
        byte[] zpl = zplLabels(packageIds);
        target.send(zpl);
        int count = new java.util.LinkedHashSet<>(packageIds).size();
        return String.format(Locale.ROOT, "Sent %d label%s (%,d bytes) to %s", count, count == 1 ? "" : "s",
                zpl.length, target);
    }

    /**
     * The CN22 or CN23 of a package whose parcel crosses a customs border, after its generated label (a carrier's
     * own label comes with the carrier's customs documents): as many pages as its lines need.
     */
    private void customsPages(PDDocument document, DocumentFonts documentFonts, PDRectangle page,
                              PackageDetail detail, WarehouseInfo warehouse) throws IOException {
        CustomsService declarations = customs;
        if (declarations == null) {
            return;
        }
        CustomsForm form = CustomsForm.of(detail, warehouse, declarations.declarationOf(detail), cn22Limits,
                java.time.LocalDate.now(clock));
        if (form == null) {
            return;
        }
        int done = form.declaration().lines().size() + 1;
        int position = 0;
        while (position < done) {
            PDPage pdfPage = new PDPage(page);
            document.addPage(pdfPage);
            int before = position;
            try (PdfCanvas canvas = new PdfCanvas(new PDPageContentStream(document, pdfPage), documentFonts)) {
                position = customsLayout.draw(canvas, page, form, position);
            }
            if (position <= before) {
                break; // a page too small for the totals: never loop
            }
        }
    }

    /** For tests: the declarations, the CN22 limits and the clock of the date printed on the forms. */
    void customs(CustomsService service, String[] limits, java.time.Clock at) {
        this.customs = service;
        this.cn22Limits = CustomsForm.Limits.parse(limits);
        this.clock = at;
    }

    /** The layout for a package; the place to choose a carrier-specific design. */
    LabelLayout layoutFor(PackageDetail detail, LabelSize size) {
        return standard;
    }

    static PDRectangle pageSize(LabelSize size) {
        float mm = 72f / 25.4f;
        return switch (size) {
            case MM100X100 -> new PDRectangle(100 * mm, 100 * mm);
            case MM100X150 -> new PDRectangle(100 * mm, 150 * mm);
            case A4 -> new PDRectangle(210 * mm, 297 * mm);
        };
    }

    /**
     * Refuses the whole request when a recipient or address holds a character no installed font can draw (orders
     * captured before the check, or a font removed since): names each package, field and character.
     */
    private void requirePrintableRecipients(List<PackageDetail> details) {
        List<String> problems = new ArrayList<>();
        java.util.Set<Integer> all = new LinkedHashSet<>();
        for (PackageDetail detail : details) {
            Address a = detail.shipTo();
            if (a == null) {
                continue;
            }
            String[][] fields = {{"buyer_name", a.name()}, {"company", a.company()}, {"address1", a.line1()},
                    {"address2", a.line2()}, {"city", a.city()}, {"state", a.state()},
                    {"postal_code", a.postalCode()}, {"phone", a.phone()}};
            for (String[] field : fields) {
                List<Integer> missing = fonts.unprintable(field[1]);
                if (!missing.isEmpty()) {
                    all.addAll(missing);
                    StringBuilder chars = new StringBuilder();
                    missing.forEach(cp -> chars.append(chars.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "U+%04X", cp)));
                    problems.add(detail.row().packageNo() + " " + field[0] + " has " + chars);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new OperationRefusedException("unprintable_text", "Nothing was printed: no installed label font "
                    + "can draw some recipient text (" + String.join("; ", problems) + "); correct the address or "
                    + "install a font that has these characters." + DocumentFonts.fontHint(fonts, all));
        }
    }

    private List<PackageDetail> load(List<Long> packageIds, PrintRules.Document document) {
        if (packageIds == null || packageIds.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package to print.");
        }
        if (packageIds.size() > MAX_PACKAGES) {
            throw new OperationRefusedException("selection_too_large",
                    "Print at most " + MAX_PACKAGES + " packages at a time.");
        }
        List<PackageDetail> details = new ArrayList<>(packageIds.size());
        List<Long> unknown = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(packageIds)) {
            Optional<PackageDetail> detail = id == null ? Optional.empty() : packages.detail(id);
            detail.ifPresentOrElse(details::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new OperationRefusedException("unknown_package", "Unknown package id(s): " + unknown);
        }
        PrintRules.require(document, details.stream().map(PackageDetail::row).toList());
        return details;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
    }
}
