package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customs declarations (issue 14, 报关) on the real distribution, through the shell: a product with an HS code and
 * customs descriptions in English and Chinese ({@code waybill:sku-add --hs --customs-en --customs-zh}), an order of
 * it imported from a CSV file for a US buyer of store {@value #STORE} (warehouse SZ-01 in China), allocated,
 * uploaded to the pool carrier (a UPU S10 number), then printed: the label batch has the CN22 after the label, with
 * the HS code, both descriptions and the declared value, read back with {@code pdftotext}.
 */
@Order(20)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomsIT {

    static final String STORE = "ACME-SHOP";
    static final String SKU = "CUS-SCARF-01";
    static final String HS = "621410";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private Path deployedPool;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        Path jar = Path.of(WaybillDistribution.required("waybill.it.poolJar"));
        deployedPool = waybill.deployDir().resolve(jar.getFileName());
        Files.copy(jar, deployedPool, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list",
                r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
    }

    @AfterAll
    void tearDown() throws IOException {
        if (deployedPool != null && Files.deleteIfExists(deployedPool)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    LIMIT);
        }
    }

    @Test
    void anOrderWithAnHsCodeIsUploadedToThePoolAndPrintedWithItsCn22() throws IOException {
        // given: the product with its customs data, in stock in SZ-01 (China)
        Result add = waybill.shell("waybill:sku-add " + SKU + " --name \"Silk scarf\" --name-zh 丝巾 --weight 150 "
                + "--value 12.50 --currency USD --hs " + HS + " --origin CN --customs-en \"Silk scarf, women\" "
                + "--customs-zh 真丝围巾");
        assertEquals(0, add.exitCode(), () -> "sku-add:\n" + add.output());
        Result stock = waybill.shell("waybill:stock-set SZ-01 " + SKU + " 5");
        assertEquals(0, stock.exitCode(), () -> "stock-set:\n" + stock.output());
        Path file = waybill.importDir("customs").resolve("customs-orders.csv");
        Files.writeString(file, Fixtures.HEADER + "\n"
                + "CUS-001,,2025-06-01 09:00,Olivia Chen,,1600 Amphitheatre Pkwy,,Mountain View,CA,94043,US,,,"
                + SKU + ",2\n", StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 1 new"), () -> "import:\n" + imported.output());
        String pkg = waybill.allPackageRows("waybill:package-list --store " + STORE).stream()
                .filter(r -> "CUS-001".equals(r.get("Order no."))).map(r -> r.get("Package no.")).findFirst()
                .orElseThrow(() -> new AssertionError("no package of order CUS-001"));
        Result allocated = waybill.shell("waybill:allocate " + pkg);
        assertTrue(allocated.output().contains("1 done"), () -> "allocate:\n" + allocated.output());

        // when: uploaded to the pool (the store's default shipping method) and printed
        Result uploaded = waybill.shell("waybill:upload " + pkg);
        assertTrue(uploaded.output().contains("1 queued, 0 refused"), () -> "upload:\n" + uploaded.output());
        waybill.shellUntil("waybill:package-show " + pkg, r -> r.output().contains("status tracked"), LIMIT);
        Path pdf = waybill.printDir("customs").resolve("customs-labels.pdf");
        Result printed = waybill.shell("waybill:print -o \"" + pdf + "\" " + pkg);
        assertTrue(printed.output().contains("Wrote "), () -> "print:\n" + printed.output());

        // then: the CN22 follows the label, with the HS code, both descriptions and the value of the two units
        Result text = WaybillDistribution.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null,
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, text.exitCode(), text::output);
        String flat = text.output().replaceAll("\\s+", " ");
        WaybillDistribution.log("customs label batch text: %s", flat);
        for (String expected : List.of("CN22", "CUSTOMS DECLARATION", HS, "Silk scarf, women", "真丝围巾",
                "25.00 USD", pkg)) {
            assertTrue(flat.contains(expected), () -> "'" + expected + "' in the label batch:\n" + text.output());
        }
    }
}
