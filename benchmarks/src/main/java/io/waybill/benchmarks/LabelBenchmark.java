package io.waybill.benchmarks;

import com.google.zxing.oned.Code128Writer;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.StockService;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.print.internal.PdfPrintService;
import io.waybill.spi.common.Address;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label throughput: 1,000 100x150 mm labels with Chinese addresses, (a) written straight with PDFBox (text in one
 * subset CJK font + a vector Code 128 per page, the floor of what any PDFBox label code can reach) and (b) through
 * Waybill's PdfPrintService.labels (picking order, layout, shaping, per-glyph font fallback, two fonts) as one merged
 * PDF. Rounds are interleaved (Waybill, raw, Waybill, ...); prints each round, the median pages/s of both and the
 * median of the per-round ratios (target: Waybill >= 70% of raw over >= 15 rounds, issue 15). Asserts nothing.
 * Run: benchmarks/run.sh LabelBenchmark [labels] [rounds]
 */
public final class LabelBenchmark {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军"};
    private static final String[] STREETS = {"朝阳区建国路", "海淀区中关村大街", "浦东新区世纪大道", "天河区天河路",
        "南山区深南大道", "武侯区人民南路", "西湖区文三路", "鼓楼区中山路"};
    private static final String[] CITIES = {"北京市", "上海市", "广州市", "深圳市", "成都市", "杭州市", "南京市"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<Long, PackageDetail> details = packages(count);
        List<Long> ids = new ArrayList<>(details.keySet());
        Path cjk = cjkFont();
        byte[] cjkBytes = Files.readAllBytes(cjk);
        PdfPrintService service = new PdfPrintService(packageService(details), stockService(), null);
        System.out.printf("Label benchmark: %,d labels 100x150 mm, Chinese addresses, CJK font %s, %d interleaved rounds%n",
                count, cjk, rounds);

        // warm up both paths (JIT, class loading, font file cache)
        for (int i = 0; i < 2; i++) {
            raw(details, cjk, cjkBytes);
            service.labels(ids, LabelSize.MM100X150);
        }
        // interleaved rounds (Waybill, raw, Waybill, raw, ...): a busy machine slows both alike within a pair, so the
        // median of the per-pair ratios can be trusted where one round's figure cannot
        long[] rawTimes = new long[rounds];
        long[] waybillTimes = new long[rounds];
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int rawSize = 0;
        int waybillSize = 0;
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            waybillSize = service.labels(ids, LabelSize.MM100X150).length;
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            rawSize = raw(details, cjk, cjkBytes).length;
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            cpuRatios[i] = (double) (c2 - c1) / (c1 - c0);
            waybillTimes[i] = t1 - t0;
            rawTimes[i] = t2 - t1;
            ratios[i] = (double) rawTimes[i] / waybillTimes[i];
            System.out.printf("  round %2d: Waybill %,6d ms, raw %,6d ms, ratio %3.0f%%; CPU Waybill %,6d ms, raw %,6d ms, "
                    + "ratio %3.0f%%%n", i + 1, waybillTimes[i] / 1_000_000, rawTimes[i] / 1_000_000, 100 * ratios[i],
                    (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000, 100 * cpuRatios[i]);
        }
        double rawRate = count / (median(rawTimes) / 1e9);
        double waybillRate = count / (median(waybillTimes) / 1e9);
        System.out.printf("raw PDFBox (text + vector Code 128, one subset CJK font): %,8.0f pages/s median  (%,d bytes)%n",
                rawRate, rawSize);
        System.out.printf("Waybill labels() merged batch:                          %,8.0f pages/s median  (%,d bytes)%n",
                waybillRate, waybillSize);
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf("ratio Waybill / raw: median %.0f%% of %d interleaved rounds (min %.0f%%, max %.0f%%; "
                + "target >= 70%% as the median of >= 15 rounds)%n", 100 * medianOf(sorted), rounds, 100 * sorted[0],
                100 * sorted[sorted.length - 1]);
        double[] cpuSorted = cpuRatios.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("ratio of CPU time (the steadier figure on a busy machine): median %.0f%% (min %.0f%%, max "
                + "%.0f%%); machine load %s%n", 100 * medianOf(cpuSorted), 100 * cpuSorted[0],
                100 * cpuSorted[cpuSorted.length - 1], load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static double medianOf(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The same 1,000 pages written directly: one font loaded once, ~10 text lines and a Code 128 per page. */
    static byte[] raw(Map<Long, PackageDetail> details, Path file, byte[] bytes) throws Exception {
        float mm = 72f / 25.4f;
        PDRectangle size = new PDRectangle(100 * mm, 150 * mm);
        try (PDDocument document = new PDDocument()) {
            TrueTypeFont ttf = file.toString().endsWith(".ttc")
                    ? firstFace(bytes) : new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            PDType0Font font = PDType0Font.load(document, ttf, true);
            // ASCII lines in Helvetica (not embedded: cheaper than any embedded font) since not every CJK font has Latin
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            Code128Writer writer = new Code128Writer();
            for (PackageDetail d : details.values()) {
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    float y = size.getHeight() - 20;
                    String[] lines = {d.row().storeName() + "  " + d.row().packageNo(), "FROM Shenzhen Warehouse, CN",
                        d.shipTo().name(), d.shipTo().line1(), d.shipTo().city(),
                        "Tel " + d.shipTo().phone() + "  " + d.shipTo().postalCode(), "Order " + d.row().orderNo() + "   0.940 kg",
                        d.lines().get(0).skuCode() + " x" + d.lines().get(0).quantity(),
                        d.lines().get(1).skuCode() + " x" + d.lines().get(1).quantity()};
                    for (int l = 0; l < lines.length; l++) {
                        String line = lines[l];
                        cs.beginText();
                        cs.newLineAtOffset(20, y);
                        showMixed(cs, line, font, latin, 9);
                        cs.endText();
                        y -= 14;
                    }
                    boolean[] modules = writer.encode(d.row().trackingNo());
                    float module = 1.4f;
                    float x0 = 30;
                    for (int i = 0; i < modules.length; ) {
                        if (!modules[i]) {
                            i++;
                            continue;
                        }
                        int start = i;
                        while (i < modules.length && modules[i]) {
                            i++;
                        }
                        cs.addRect(x0 + start * module, y - 70, (i - start) * module, 60);
                    }
                    cs.fill();
                    cs.beginText();
                    cs.setFont(latin, 10);
                    cs.newLineAtOffset(90, y - 84);
                    cs.showText(d.row().trackingNo());
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Han characters in the CJK font, the rest in Helvetica: the least any label code must do. */
    private static void showMixed(PDPageContentStream cs, String text, PDFont cjk, PDFont latin, float size)
            throws java.io.IOException {
        int start = 0;
        while (start < text.length()) {
            boolean han = text.charAt(start) > 0x2E7F;
            int end = start + 1;
            while (end < text.length() && (text.charAt(end) > 0x2E7F) == han) {
                end++;
            }
            cs.setFont(han ? cjk : latin, size);
            cs.showText(text.substring(start, end));
            start = end;
        }
    }

    private static TrueTypeFont firstFace(byte[] bytes) throws Exception {
        TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        return first[0];
    }

    private static Path cjkFont() {
        String configured = System.getProperty("waybill.print.cjkFont");
        for (String candidate : configured != null ? List.of(configured) : List.of(
                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No TrueType CJK font: apt-get install fonts-droid-fallback "
                + "(or run scripts/install-test-deps.sh), or pass -Dwaybill.print.cjkFont=/path/font.ttf");
    }

    static Map<Long, PackageDetail> packages(int count) {
        Map<Long, PackageDetail> details = new HashMap<>();
        for (long id = 1; id <= count; id++) {
            int i = (int) id;
            String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / 10) % GIVEN.length];
            Address to = new Address(name, "", STREETS[i % STREETS.length] + (i % 300 + 1) + "号 " + (i % 30 + 1)
                    + "栋" + (i % 20 + 1) + "0" + (i % 9 + 1) + "室", "", CITIES[i % CITIES.length], "",
                    String.format("%06d", 100000 + i * 7 % 800000), "CN", "+86 138 " + String.format("%04d %04d", i % 10000, i * 13 % 10000), "");
            List<PackageDetail.Line> lines = List.of(
                    new PackageDetail.Line("SKU-" + (i % 40), "Item " + (i % 40), 1 + i % 3, 200),
                    new PackageDetail.Line("SKU-" + (40 + i % 25), "Item " + (40 + i % 25), 1, 150));
            PackageRow row = new PackageRow(id, String.format("PKG-%07d", i), String.format("SO-%08d", i), "SHOP1",
                    "Lumen Home Store", "shopify", name, "CN", "", 0, Instant.EPOCH, PackageStatus.TRACKED,
                    String.format("YT%013d", 2_000_000_000L + i));
            details.put(id, new PackageDetail(row, "#" + i, false, to, lines, "SZ1", 0, List.of(), List.of()));
        }
        return details;
    }

    static PackageService packageService(Map<Long, PackageDetail> details) {
        return new PackageService() {
            @Override public long count(PackageQuery query) { return details.size(); }
            @Override public List<PackageRow> find(PackageQuery q, int offset, int limit, List<PackageSort> sort) { return List.of(); }
            @Override public Map<PackageStatus, Long> countByStatus() { return Map.of(); }
            @Override public Optional<PackageDetail> detail(long id) { return Optional.ofNullable(details.get(id)); }
            @Override public Map<String, Long> idsByNumber(Collection<String> numbers) { return Map.of(); }
            @Override public Map<Long, List<Shortage>> shortages(Collection<Long> ids) { return Map.of(); }
            /** The benchmark's packages have no carrier-supplied labels: every label is generated. */
            @Override public Map<Long, io.waybill.core.model.CarrierLabel> carrierLabels(Collection<Long> ids) {
                return Map.of();
            }
        };
    }

    static StockService stockService() {
        List<StockRow> rows = new ArrayList<>();
        for (int s = 0; s < 65; s++) {
            rows.add(new StockRow("SZ1", "SKU-" + s, "Item " + s, "A-" + (s % 12) + "-" + (s / 12), 1000, 0));
        }
        return new StockService() {
            @Override public List<StockRow> list(String warehouse, String prefix) { return rows; }
            @Override public List<WarehouseInfo> warehouses() {
                return Arrays.asList(new WarehouseInfo("SZ1", "Shenzhen Bao'an Warehouse", "CN"));
            }
            @Override public StockRow set(String w, String sku, int onHand, String actor) {
                return replace(w, sku, r -> onHand);
            }
            @Override public StockRow adjust(String w, String sku, int delta, String reason, String actor) {
                return replace(w, sku, r -> r.onHand() + delta);
            }

            /** In-memory stock change for this benchmark double (the label benchmark itself only reads). */
            private synchronized StockRow replace(String w, String sku, java.util.function.ToIntFunction<StockRow> next) {
                for (int i = 0; i < rows.size(); i++) {
                    StockRow r = rows.get(i);
                    if (r.warehouseCode().equals(w) && r.skuCode().equals(sku)) {
                        int onHand = next.applyAsInt(r);
                        if (onHand < r.reserved()) {
                            throw new io.waybill.core.api.OperationRefusedException("below_reserved",
                                    "on hand would be below the reserved quantity");
                        }
                        StockRow changed = new StockRow(w, sku, r.skuName(), r.location(), onHand, r.reserved());
                        rows.set(i, changed);
                        return changed;
                    }
                }
                throw new io.waybill.core.api.OperationRefusedException("unknown_sku", "Unknown SKU '" + sku + "'.");
            }
        };
    }

    private LabelBenchmark() {
    }
}
