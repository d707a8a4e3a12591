package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 13: the package page's actions, at 1440 x 900. Two orders of its own ({@code PPIT-*}) are imported,
 * allocated and uploaded through the shell while the store's default shipping method asks the pool carrier for a
 * service indicator it has no range for, so both uploads fail with the carrier's reason. On the page of the first:
 * only the actions its status allows are offered; "Upload to carrier again" (with the method corrected) shows the job
 * pending and then the tracking number, without a manual refresh; the label is reprinted (a PDF is served) and marked
 * printed; a note is refused when blank and shown with author and time; tags are added and removed. The second is
 * voided with a reason from its page. The shell's package-note / package-tag / package-show see the same notes and
 * tags, and the page's notes and tags are checked once in 简体中文.
 */
@Order(18)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagePageIT {

    private static final String STORE = "ACME-SHOP";
    private static final String SKU = "NOTE-A5-DOT";
    private static final String PREFIX = "PPIT-";
    private static final String GRID = "packages-grid";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern NOTE_HEAD = Pattern.compile("admin\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    private WaybillDistribution waybill;
    private Browser browser;
    private Path deployedPool;
    private Map<String, String[]> savedDefaults = Map.of();
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        // the pool carrier (the demo stores' default), asked for a service indicator it has no range for
        Path jar = Path.of(WaybillDistribution.required("waybill.it.poolJar"));
        deployedPool = waybill.deployDir().resolve(jar.getFileName());
        Files.copy(jar, deployedPool, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
        savedDefaults = CarrierStubs.defaultMethods(waybill);
        String[] method = savedDefaults.get(STORE);
        assertTrue(method != null && "pool".equals(method[1]), () -> "default method of " + STORE + ": "
                + (method == null ? "none" : String.join(" ", method)));
        CarrierStubs.setDefaultMethod(waybill, STORE, method[0], "pool", "ZZ");

        Result stock = waybill.shell("waybill:stock-adjust -r \"package page IT\" SZ-01 " + SKU + " 2");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        Path file = waybill.importDir("package-page").resolve("package-page.csv");
        List<String> rows = List.of(
                "PPIT-001,,2025-05-01 09:00,Mei Ling,,8 Harbour Road,,Hong Kong,,999077,HK,,," + SKU + ",1",
                "PPIT-002,,2025-05-01 09:05,Jonas Berg,,Storgatan 1,,Stockholm,,11122,SE,,," + SKU + ",1");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 2 new"), () -> "import:\n" + imported.output());
        for (Map<String, String> row : ShellTables.rows(waybill.shell("waybill:package-list --store " + STORE
                + " -n 10000"))) {
            if (row.getOrDefault("Order no.", "").startsWith(PREFIX)) {
                packages.put(row.get("Order no."), row.get("Package no."));
            }
        }
        assertEquals(2, packages.size(), () -> "packages: " + packages);
        String both = String.join(" ", packages.values());
        Result allocated = waybill.shell("waybill:allocate " + both);
        assertTrue(allocated.output().contains("2 done"), () -> "allocate:\n" + allocated.output());
        Result uploaded = waybill.shell("waybill:upload " + both);
        assertTrue(uploaded.output().contains("2 queued"), () -> "upload:\n" + uploaded.output());
        for (String pkg : packages.values()) {
            awaitStatus(pkg, "upload_failed");
        }

        browser = Browser.open("package-page", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            CarrierStubs.restoreDefaults(waybill, savedDefaults);
            if (deployedPool != null && Files.deleteIfExists(deployedPool)) {
                waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                        && !POOL_ROW.matcher(r.output()).find(), LIMIT);
            }
        }
    }

    @Test
    @Order(1)
    void aFailedUploadIsSentAgainFromThePageWhichShowsTheOutcomeByItself() {
        // given: the failed package's page: re-upload and void offered, no reprint (no label yet)
        String pkg = packages.get("PPIT-001");
        openPage(pkg);
        String state = browser.awaitText("detail-upload-state", "upload state", t -> t.startsWith("failed"));
        assertTrue(state.contains("ZZ"), () -> "the carrier's reason on the page: " + state);
        assertTrue(present("detail-reupload") && present("detail-void"), "re-upload and void offered");
        assertFalse(present("detail-reprint"), "no reprint without a tracking number");
        browser.screenshot("pp10-upload-failed-page");

        // when: the shipping method corrected, the package is uploaded again from its page
        String[] method = savedDefaults.get(STORE);
        CarrierStubs.setDefaultMethod(waybill, STORE, method[0], method[1], method[2]);
        browser.click("detail-reupload");
        assertTrue(browser.textOf("confirm-text").contains(pkg), "the confirm step names the package");
        browser.click("confirm-button");

        // then: the page announces the outcome by itself (it refreshes while the job is pending)
        String outcome = browser.awaitText("detail-upload-outcome", "upload outcome", LIMIT, t -> !t.isEmpty());
        browser.screenshot("pp11-reuploaded");
        assertEquals("tracked", browser.byId("detail-upload-outcome").getDomAttribute("data-outcome"),
                () -> "outcome: " + outcome);
        String tracking = browser.textOf("detail-tracking");
        assertTrue(tracking.matches("RR\\d{9}CN"), () -> "tracking number on the page: " + tracking);
        assertTrue(outcome.contains(tracking), () -> "outcome names the tracking number: " + outcome);
        assertEquals("Tracked", browser.textOf("detail-status"), "status badge");
        assertFalse(present("detail-reupload"), "no re-upload once tracked");
        assertTrue(present("detail-reprint"), "reprint offered once tracked");
    }

    @Test
    @Order(2)
    void theLabelIsReprintedAsAPdfAndMarkedPrinted() throws Exception {
        String pkg = packages.get("PPIT-001");
        openPage(pkg);
        assertEquals("0", browser.textOf("detail-print-count"), "label prints before");

        browser.click("detail-reprint");
        browser.click("confirm-button");
        byte[] pdf = servedPdf("pp20-reprint-dialog");
        assertTrue(pdf.length > 1000, () -> "label PDF of " + pdf.length + " bytes");
        browser.click("print-confirm-yes");
        browser.awaitText("batch-result-summary", "mark printed result", t -> t.equals("1 done, 0 failed"));
        browser.click("batch-result-close");

        browser.awaitText("detail-status", "status", t -> t.equals("Printed"));
        browser.awaitText("detail-print-count", "label prints", t -> t.equals("1"));
        assertTrue(present("detail-reprint"), "a printed package may be reprinted");
    }

    @Test
    @Order(3)
    void aNoteIsRefusedWhenBlankAndShownWithAuthorAndTime() {
        String pkg = packages.get("PPIT-001");
        openPage(pkg);
        browser.byId("notes-empty");

        // when: blank
        browser.type(By.cssSelector("#note-text textarea"), "   ");
        browser.click("note-add");
        // then
        browser.await("blank note refused", () -> browser.byId("note-text").getDomAttribute("invalid") != null);
        assertEquals("The note is empty", errorOf("note-text"), "reason beside the field");
        assertTrue(notes().isEmpty(), "nothing written");

        // when
        browser.type(By.cssSelector("#note-text textarea"), "Buyer asked to deliver after 6 pm");
        browser.click("note-add");
        browser.type(By.cssSelector("#note-text textarea"), "Second note: fragile lamp inside");
        browser.click("note-add");

        // then: newest first, each with author and time
        List<String> notes = browser.await("two notes", () -> notes().size() == 2 ? notes() : null);
        browser.screenshot("pp30-notes");
        assertTrue(notes.get(0).contains("Second note: fragile lamp inside"), () -> "newest first: " + notes);
        assertTrue(notes.get(1).contains("Buyer asked to deliver after 6 pm"), () -> "older second: " + notes);
        for (String n : notes) {
            assertTrue(NOTE_HEAD.matcher(n).find(), () -> "author and time in: " + n);
        }
        assertEquals("", browser.byId("note-text").getDomProperty("value"), "field cleared");
    }

    @Test
    @Order(4)
    void tagsAreAddedAsBadgesAndRemoved() {
        String pkg = packages.get("PPIT-001");
        openPage(pkg);
        browser.byId("tags-empty");

        browser.type(By.cssSelector("#tag-input input"), "fragile VIP 易碎");
        browser.click("tag-add");
        browser.await("three tags", () -> tags().equals(List.of("fragile", "VIP", "易碎")) ? true : null);

        // an invalid tag is refused with the reason, nothing added
        browser.type(By.cssSelector("#tag-input input"), "bad!tag");
        browser.click("tag-add");
        browser.await("invalid tag refused", () -> browser.byId("tag-input").getDomAttribute("invalid") != null);
        assertTrue(errorOf("tag-input").contains("bad!tag"), () -> "reason names the tag: " + errorOf("tag-input"));
        assertEquals(List.of("fragile", "VIP", "易碎"), tags(), "nothing added");
        browser.screenshot("pp40-tags");

        // when: removed with the badge's button
        WebElement remove = browser.driver().findElement(By.cssSelector("[data-tag='fragile'] .wb-tag-remove"));
        browser.click(remove);
        browser.await("fragile removed", () -> tags().equals(List.of("VIP", "易碎")) ? true : null);
        // the history as the page shows it when opened again
        openPage(pkg);
        assertEquals(List.of("VIP", "易碎"), tags(), "tags kept");
        List<String> history = browser.gridRows("history-grid");
        assertTrue(history.stream().anyMatch(r -> r.contains("Tags changed") && r.contains("-fragile")),
                () -> "tag change in the history: " + history);
    }

    @Test
    @Order(5)
    void theShellSeesAndChangesTheSameNotesAndTags() {
        String pkg = packages.get("PPIT-001");
        Result note = waybill.shell("waybill:package-note " + pkg + " Called the buyer from the shell");
        assertTrue(note.output().contains("Note added to " + pkg + " by admin"), () -> "package-note:\n"
                + note.output());
        Result tag = waybill.shell("waybill:package-tag " + pkg + " +gift -VIP");
        assertTrue(tag.output().contains("Tags of " + pkg + ": 易碎 gift"), () -> "package-tag:\n" + tag.output());
        Result blank = waybill.shell("waybill:package-tag " + pkg + " +two!words");
        assertTrue(blank.output().contains("may hold only letters"), () -> "invalid tag refused:\n" + blank.output());
        Result show = waybill.shell("waybill:package-show " + pkg);
        String out = show.output();
        assertTrue(out.contains("Tags      易碎 gift"), () -> "tags in package-show:\n" + out);
        int shell = out.indexOf("admin  Called the buyer from the shell");
        int second = out.indexOf("admin  Second note: fragile lamp inside");
        int first = out.indexOf("admin  Buyer asked to deliver after 6 pm");
        assertTrue(shell > 0 && second > shell && first > second, () -> "notes newest first:\n" + out);

        openPage(pkg);
        assertEquals(List.of("易碎", "gift"), tags(), "the page shows the shell's tags");
        assertTrue(notes().get(0).contains("Called the buyer from the shell"), () -> "page notes: " + notes());
    }

    @Test
    @Order(6)
    void aPackageIsVoidedFromItsPageWithAReason() {
        String pkg = packages.get("PPIT-002");
        openPage(pkg);
        browser.click("detail-void");
        browser.byId("void-dialog");
        browser.click("void-next");
        browser.await("reason required", () -> browser.byId("void-reason").getDomAttribute("invalid") != null);
        browser.click("void-reason");
        browser.pickOverlayItem("vaadin-select-item", "Address problem");
        browser.click("void-next");
        assertEquals("Reason: Address problem", browser.textOf("void-reason-echo"), "reason echo");
        browser.screenshot("pp60-void-confirm");
        browser.click("void-confirm");

        browser.awaitText("detail-status", "status", t -> t.equals("Voided"));
        browser.screenshot("pp61-voided");
        List<String> history = browser.gridRows("history-grid");
        assertTrue(history.stream().anyMatch(r -> r.contains(" | admin | Voided | ") && r.contains("Address problem")),
                () -> "VOIDED by admin with the reason: " + history);
        assertFalse(present("detail-void") || present("detail-reupload") || present("detail-reprint"),
                "nothing left to do to a voided package but notes and tags");
        assertTrue(present("note-add") && present("tag-add"), "notes and tags stay");
        awaitStatus(pkg, "voided");
    }

    @Test
    @Order(7)
    void notesAndTagsInSimplifiedChinese() {
        String pkg = packages.get("PPIT-001");
        openPage(pkg);
        browser.switchLanguage("简体中文");
        try {
            browser.awaitText("detail-annotations", "notes card in Chinese", t -> t.contains("内部备注")
                    && t.contains("标签"));
            assertEquals("重新打印面单", browser.textOf("detail-reprint"), "reprint button");
            browser.type(By.cssSelector("#note-text textarea"), " ");
            browser.click("note-add");
            browser.await("blank note refused", () -> browser.byId("note-text").getDomAttribute("invalid") != null);
            assertEquals("备注不能为空", errorOf("note-text"), "reason in Chinese");
            browser.screenshot("pp70-notes-zh");
        } finally {
            browser.switchLanguage("English");
        }
    }

    // ---- helpers ----

    /** Opens the package's page from the delivery tab of its status (as an operator would). */
    private void openPage(String pkg) {
        Result list = waybill.shell("waybill:package-list --store " + STORE + " -n 10000");
        String status = ShellTables.row(list, "Package no.", pkg).orElseThrow(() -> new AssertionError(pkg
                + " not listed:\n" + list.output())).get("Status");
        browser.go("/delivery/" + switch (status) {
            case "synced", "sync_failed" -> "shipped";
            default -> status;
        });
        // the package no. typed into the search box + Enter opens the package (as a scanned one does)
        browser.byId("filter-text").findElement(By.cssSelector("input")).sendKeys(pkg, Keys.ENTER);
        browser.await("page of " + pkg, () -> browser.path().startsWith("/package/"));
        browser.awaitText("detail-package-no", "package number", t -> t.equals(pkg));
    }

    private boolean present(String id) {
        return browser.driver().findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    private String errorOf(String fieldId) {
        return String.valueOf(browser.js("return arguments[0].errorMessage;", browser.byId(fieldId))).strip();
    }

    private List<String> notes() {
        return browser.driver().findElements(By.cssSelector("#notes-list .wb-note")).stream()
                .map(e -> e.getText().replace('\n', ' ').strip()).toList();
    }

    private List<String> tags() {
        return browser.driver().findElements(By.cssSelector("#detail-tags [data-tag]")).stream()
                .map(e -> e.getDomAttribute("data-tag")).toList();
    }

    private void awaitStatus(String pkg, String wanted) {
        waybill.shellUntil("waybill:package-list --store " + STORE + " -n 10000", r -> ShellTables.row(r,
                "Package no.", pkg).map(row -> wanted.equals(row.get("Status"))).orElse(false), LIMIT);
    }

    /** The PDF behind the print dialog's "Open the PDF" link, fetched with the browser's session cookie. */
    private byte[] servedPdf(String shot) throws IOException, InterruptedException {
        WebElement open = browser.await("print dialog with its PDF link", () -> {
            List<WebElement> links = browser.driver().findElements(By.id("print-open"));
            return links.isEmpty() || links.get(0).getDomProperty("href") == null ? null : links.get(0);
        });
        browser.screenshot(shot);
        String href = open.getDomProperty("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> "GET " + href);
        byte[] pdf = response.body();
        assertEquals("%PDF-", new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.ISO_8859_1),
                "a PDF is served at " + href);
        return pdf;
    }
}
