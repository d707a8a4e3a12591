package io.waybill.print.internal;

import io.waybill.core.api.PackageService;
import io.waybill.core.model.CarrierLabel;
import io.waybill.core.api.StockService;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.spi.common.Address;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test doubles of the core services with four packages addressed in Chinese, Russian, Arabic and English. */
final class Fixtures {
    /** The street of the fixtures' warehouse, the sender on every label. */
    static final String SENDER_STREET = "Building 3, Fuyong Road 88";

    static final String WAREHOUSE = "SZ1";

    static final Map<Long, PackageDetail> PACKAGES = new LinkedHashMap<>();

    static {
        add(1, "PKG-000101", "SO-20261101", "LX123456789CN",
                new Address("张伟", "", "朝阳区建国路88号 SOHO现代城2号楼1801室", "", "北京市", "北京", "100022", "CN",
                        "+86 138 0013 8000", ""),
                List.of(line("MUG-01", "Ceramic mug 350 ml", 2, 380), line("TEE-M", "T-shirt M", 1, 180)));
        add(2, "PKG-000102", "SO-20261102", "RR123456785RU",
                new Address("Иван Петров", "", "ул. Тверская, д. 7, кв. 12", "", "Москва", "", "125009", "RU",
                        "+7 495 123-45-67", ""),
                List.of(line("CAP-01", "Baseball cap", 1, 120)));
        add(3, "PKG-000103", "SO-20261103", "SA1234567890",
                new Address("محمد العتيبي", "", "شارع الملك فهد، حي العليا 12", "", "الرياض", "", "12211", "SA",
                        "+966 50 123 4567", ""),
                List.of(line("TEE-M", "T-shirt M", 3, 180), line("MUG-01", "Ceramic mug 350 ml", 1, 380)));
        add(4, "PKG-000104", "SO-20261104", "1Z999AA10123456784",
                new Address("John Smith", "Acme Corp.", "1600 Amphitheatre Pkwy", "Suite 200", "Mountain View",
                        "CA", "94043", "US", "+1 650 555 0100", ""),
                List.of(line("BAG-07", "Tote bag", 1, 250)));
    }

    private static PackageDetail.Line line(String sku, String name, int qty, int grams) {
        return new PackageDetail.Line(sku, name, qty, grams);
    }

    private static void add(long id, String packageNo, String orderNo, String tracking, Address to,
                            List<PackageDetail.Line> lines) {
        int weight = lines.stream().mapToInt(l -> l.quantity() * l.weightGrams()).sum();
        PackageRow row = new PackageRow(id, packageNo, orderNo, "SHOP1", "Lumen Home Store", "shopify", to.name(),
                to.countryCode(), "", weight, Instant.parse("2026-11-01T08:00:00Z"),
                tracking == null ? PackageStatus.ALLOCATED : PackageStatus.TRACKED, tracking);
        PACKAGES.put(id, new PackageDetail(row, "#" + id, false, to, lines, WAREHOUSE, 0, List.of(), List.of()));
    }

    /** Bins: TEE-M at A-2, MUG-01 at A-10, CAP-01 at B-01, BAG-07 has no bin. */
    static final List<StockRow> STOCK = List.of(
            new StockRow(WAREHOUSE, "BAG-07", "Tote bag", null, 50, 0),
            new StockRow(WAREHOUSE, "CAP-01", "Baseball cap", "B-01", 50, 0),
            new StockRow(WAREHOUSE, "MUG-01", "Ceramic mug 350 ml", "A-10", 50, 0),
            new StockRow(WAREHOUSE, "TEE-M", "T-shirt M", "A-2", 50, 0));

    /** The service on the test doubles; fails (never skips) when the machine has no TrueType CJK font. */
    static PdfPrintService service() {
        return service(Map.of(), null);
    }

    /** The service with carrier labels stored for some packages and a configured ZPL label printer (or null). */
    static PdfPrintService service(Map<Long, CarrierLabel> carrierLabels, String zplPrinter) {
        FontLibrary fonts = new FontLibrary(null);
        if (fonts.cjk() == null) {
            org.junit.jupiter.api.Assertions.fail("No TrueType CJK font: run scripts/install-test-deps.sh "
                    + "(installs fonts-droid-fallback). " + fonts.cjkProblem());
        }
        return new PdfPrintService(packages(PACKAGES, carrierLabels), stock(), fonts, zplPrinter);
    }

    static PackageService packages(Map<Long, PackageDetail> details) {
        return packages(details, Map.of());
    }

    /** A package service over the given details and stored carrier labels. */
    static PackageService packages(Map<Long, PackageDetail> details, Map<Long, CarrierLabel> labels) {
        return new PackageService() {
            @Override
            public long count(PackageQuery query) {
                return details.size();
            }

            @Override
            public List<PackageRow> find(PackageQuery query, int offset, int limit, List<PackageSort> sort) {
                return details.values().stream().map(PackageDetail::row).toList();
            }

            @Override
            public Map<PackageStatus, Long> countByStatus() {
                return Map.of();
            }

            @Override
            public Optional<PackageDetail> detail(long packageId) {
                return Optional.ofNullable(details.get(packageId));
            }

            @Override
            public Map<String, Long> idsByNumber(Collection<String> numbers) {
                return Map.of();
            }

            @Override
            public Map<Long, List<Shortage>> shortages(Collection<Long> packageIds) {
                return Map.of();
            }

            @Override
            public Map<Long, CarrierLabel> carrierLabels(Collection<Long> packageIds) {
                Map<Long, CarrierLabel> found = new java.util.HashMap<>();
                for (Long id : packageIds) {
                    if (labels.containsKey(id)) {
                        found.put(id, labels.get(id));
                    }
                }
                return found;
            }
        };
    }

    static StockService stock() {
        return new StockService() {
            @Override
            public List<StockRow> list(String warehouseCode, String skuPrefix) {
                List<StockRow> rows = new ArrayList<>();
                for (StockRow row : STOCK) {
                    if ((warehouseCode == null || warehouseCode.equals(row.warehouseCode()))
                            && (skuPrefix == null || row.skuCode().startsWith(skuPrefix))) {
                        rows.add(row);
                    }
                }
                return rows;
            }

            @Override
            public List<WarehouseInfo> warehouses() {
                return List.of(new WarehouseInfo(WAREHOUSE, "Shenzhen Bao'an Warehouse", "CN",
                        new Address("Li Wei", "Shenzhen Bao'an Warehouse", SENDER_STREET, null, "Shenzhen",
                                "Guangdong", "518103", "CN", null, null)));
            }

            @Override
            public StockRow set(String warehouseCode, String skuCode, int onHand, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public StockRow adjust(String warehouseCode, String skuCode, int delta, String reason, String actor) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Fixtures() {
    }
}
