package io.waybill.print.internal;

import io.waybill.core.api.CustomsService;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Reason;
import io.waybill.core.model.StoreCustoms;
import io.waybill.spi.carrier.CustomsDeclaration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CN22 / CN23 pages after the labels of international packages, read back with PDFBox's text extraction. */
class CustomsFormsTest {

    static final CustomsDeclaration.TaxIds IDS = new CustomsDeclaration.TaxIds("IM2760000123", null,
            "CN123456789012345", null);

    static PackageDeclaration.Line line(String sku, String en, String zh, String hs, int qty, String value,
                                        String currency, int grams) {
        return new PackageDeclaration.Line(sku, en, zh, hs, qty, new BigDecimal(value), currency, "CN", grams);
    }

    /** Package 1 goes to China (domestic: no form), 2 to Russia (CN22), 3 to Saudi Arabia (CN23), 4 to the US. */
    static final Map<Long, PackageDeclaration> DECLARATIONS = Map.of(
            1L, new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, IDS,
                    List.of(line("MUG-01", "Ceramic mug", "陶瓷杯", "691200", 2, "5", "USD", 380)), false),
            2L, new PackageDeclaration(CustomsDeclaration.Category.GIFT, IDS,
                    List.of(line("CAP-01", "Baseball cap", "棒球帽", "650500", 1, "12.50", "USD", 120)), false),
            3L, new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, IDS,
                    List.of(line("TEE-M", "Cotton T-shirt", "棉质T恤", "610910", 3, "150", "USD", 180),
                            line("MUG-01", "Ceramic mug", "陶瓷杯", "691200", 1, "60", "USD", 380)), false),
            4L, new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, IDS, manyLines(), true));

    /** Thirty lines: more than one 100x150 page holds. */
    static List<PackageDeclaration.Line> manyLines() {
        List<PackageDeclaration.Line> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(line("BAG-" + i, "Tote bag model " + i, "帆布袋 " + i, "4202" + (2100 + i), 1, "2", "USD", 20));
        }
        return out;
    }

    static CustomsService declarations() {
        return new CustomsService() {
            @Override
            public PackageDeclaration declarationOf(PackageDetail detail) {
                return DECLARATIONS.get(detail.row().id());
            }

            @Override
            public Optional<PackageDeclaration> declaration(long packageId, String viewer) {
                return Optional.ofNullable(DECLARATIONS.get(packageId));
            }

            @Override
            public List<Reason> problems(long packageId, String viewer) {
                return List.of();
            }

            @Override
            public PackageDeclaration save(long packageId, PackageDeclaration declaration, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PackageDeclaration reset(long packageId, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public StoreCustoms storeCustoms(String storeCode, String viewer) {
                throw new UnsupportedOperationException();
            }

            @Override
            public StoreCustoms setStoreCustoms(String storeCode, StoreCustoms customs, String actor) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /**
     * The fixtures' packages with postal (UPU S10) tracking numbers: CN22 and CN23 are forms for postal items. The
     * fixtures' UPS number of package 4 and the unformatted one of package 3 become S10 numbers here.
     */
    static final Map<Long, PackageDetail> POSTAL = new java.util.LinkedHashMap<>();

    static {
        Map<Long, String> tracking = Map.of(1L, "LX123456789CN", 2L, "RR123456785RU", 3L, "EE123456785SA",
                4L, "LX987654321US");
        Fixtures.PACKAGES.forEach((id, d) -> POSTAL.put(id, withTracking(d, tracking.get(id))));
    }

    static PackageDetail withTracking(PackageDetail d, String tracking) {
        io.waybill.core.model.PackageRow r = d.row();
        return new PackageDetail(new io.waybill.core.model.PackageRow(r.id(), r.packageNo(), r.orderNo(),
                r.storeCode(), r.storeName(), r.platform(), r.buyerName(), r.countryCode(), r.skuSummary(),
                r.expectedWeightGrams(), r.createdAt(), r.status(), tracking), d.platformOrderId(), d.orderCancelled(),
                d.shipTo(), d.lines(), d.warehouseCode(), d.printCount(), d.shortages(), d.history());
    }

    static PdfPrintService service() {
        FontLibrary fonts = new FontLibrary(null);
        PdfPrintService service = new PdfPrintService(Fixtures.packages(POSTAL), Fixtures.stock(), fonts);
        service.customs(declarations(), CustomsForm.Limits.DEFAULTS,
                Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC));
        return service;
    }

    static List<String> pageTexts(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    @ParameterizedTest
    @EnumSource(value = LabelSize.class, names = {"MM100X150", "A4"})
    void internationalPackagesGetTheirCn22OrCn23AfterTheLabel_withHsCodesAndChineseText(LabelSize size)
            throws Exception {
        byte[] pdf = service().labels(LabelsTest.ALL, size);
        Tools.pngs(pdf, Tools.out("customs"), "customs-" + size); // for a person to look at
        List<String> pages = pageTexts(pdf);
        String all = String.join("\f", pages);

        // picking order: 1 (CN, domestic), 3 (SA), 2 (RU), 4 (US); each label first, then its form
        assertTrue(pages.get(0).contains("PKG-000101") && !pages.get(0).contains("CUSTOMS"), pages.get(0));
        assertFalse(pages.get(1).contains("CUSTOMS"), "page 2 is package 3's label: " + pages.get(1));
        String cn23 = pages.get(2);
        assertTrue(cn23.contains("CN23") && cn23.contains("610910") && cn23.contains("691200"), cn23);
        assertTrue(cn23.contains("棉质T恤") && cn23.contains("报关单"), cn23);
        assertTrue(cn23.contains("510.00 USD") && cn23.contains("SO-20261103"), cn23);
        assertTrue(cn23.contains("محمد العتيبي") || cn23.contains("To 收件人"), cn23);
        String cn22 = pages.get(4);
        assertTrue(cn22.contains("CN22") && cn22.contains("650500") && cn22.contains("棒球帽"), cn22);
        assertTrue(cn22.contains("12.50 USD") && cn22.contains("IOSS IM2760000123") && cn22.contains("2026-12-07"),
                cn22);
        for (PackageDeclaration.Line l : manyLines()) {
            assertTrue(all.contains(l.hsCode()), l.hsCode() + " printed");
        }
        // package 1 is domestic: no form, its label only
        assertFalse(pages.get(0).contains("691200"), pages.get(0));
        long forms = pages.stream().filter(p -> p.contains("CUSTOMS DECLARATION")).count();
        long cn22Totals = pages.stream().filter(p -> p.contains("Total value (7)")).count();
        assertEquals(2, cn22Totals, "one CN22 per package 2 and 4, totals once each");
        assertTrue(forms >= 3, "CN23 + CN22 + CN22 (continued pages too): " + forms);
        if (size == LabelSize.MM100X150) {
            assertTrue(all.contains("continued"), "thirty lines continue on a second page");
        }
    }

    @Test
    void formChoice_300SdrInTheDeclaredCurrency_elseCn23() {
        CustomsForm.Limits limits = CustomsForm.Limits.parse(new String[] {"USD=390", "XDR=300"});
        assertEquals(CustomsForm.Form.CN22, limits.formFor(DECLARATIONS.get(2L)));
        assertEquals(CustomsForm.Form.CN23, limits.formFor(DECLARATIONS.get(3L)));
        PackageDeclaration atLimit = new PackageDeclaration(null, null,
                List.of(line("A", "x", null, "610910", 1, "390", "USD", 1)), false);
        assertEquals(CustomsForm.Form.CN22, limits.formFor(atLimit));
        PackageDeclaration yen = new PackageDeclaration(null, null,
                List.of(line("A", "x", null, "610910", 1, "10", "JPY", 1)), false);
        assertEquals(CustomsForm.Form.CN23, limits.formFor(yen), "no limit known for JPY here: CN23");
        io.waybill.core.model.WarehouseInfo shenzhen = new io.waybill.core.model.WarehouseInfo("SZ1", "SZ", "CN");
        assertNull(CustomsForm.of(POSTAL.get(1L), shenzhen, DECLARATIONS.get(1L), limits, null),
                "CN -> CN needs no form");
        assertEquals(CustomsForm.Form.CN22, CustomsForm.of(POSTAL.get(2L), shenzhen,
                DECLARATIONS.get(2L), limits, null).form());
        // an express carrier's parcel (UPS number) travels with the carrier's own customs documents
        assertNull(CustomsForm.of(Fixtures.PACKAGES.get(4L), shenzhen, DECLARATIONS.get(4L), limits, null));
    }
}
