package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.waybill.itests.WaybillDistribution.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The carrier plugins' recorded bodies (copied from Shippo's and EasyPost's API documentation, cited in each plugin's
 * {@code SOURCES.md}) for WireMock stubs in the container tests, and the shell steps that point a plugin account at a
 * stub. Where a test needs one object per package (ids, tracking numbers), it replaces the documented value of the
 * named field and nothing else.
 */
final class CarrierStubs {

    static final Path SHIPPO = Path.of("..", "carrier-plugins", "shippo", "src", "test", "resources", "io", "waybill",
            "carrier", "shippo", "internal");
    static final Path EASYPOST = Path.of("..", "carrier-plugins", "easypost", "src", "test", "resources", "io",
            "waybill", "carrier", "easypost", "internal");
    /** Documented values the tests replace per package. */
    static final String SHIPPO_TRANSACTION_ID = "915d94940ea54c3a80cbfa328722f5a1";
    static final String SHIPPO_TRACKING = "9499907123456123456781";
    static final String EASYPOST_CREATED_ID = "shp_a9b97f431c00435cb16ec2d6a14ed109";
    static final String EASYPOST_BOUGHT_ID = "shp_40b6f049f00348b18de3804a26f7fd62";
    static final String EASYPOST_TRACKING = "9434600208303109842228";
    /** The Shippo carrier account of the documented transaction. */
    static final String SHIPPO_CARRIER_ACCOUNT = "078870331023437cb917f5187429b093";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private CarrierStubs() {
    }

    static String body(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("recorded body " + dir.resolve(file).toAbsolutePath(), e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A documented body with the given field values replaced (each old value must occur in it). */
    static String replaced(String body, String... oldNew) {
        String out = body;
        for (int i = 0; i < oldNew.length; i += 2) {
            if (!out.contains(oldNew[i])) {
                throw new IllegalStateException("'" + oldNew[i] + "' is not in the recorded body");
            }
            out = out.replace(oldNew[i], oldNew[i + 1]);
        }
        return out;
    }

    /**
     * Shippo's documented "List all shipping labels" page with its {@code results} emptied and no next page: the
     * answer of an account that bought no label with this metadata (the plugin's duplicate check).
     */
    static String shippoEmptyList() {
        String list = body(SHIPPO, "transactions-list.json");
        Matcher m = Pattern.compile("(?s)\"results\"\\s*:\\s*\\[.*\\]\\s*\\}\\s*$").matcher(list);
        if (!m.find()) {
            throw new IllegalStateException("no results array in transactions-list.json");
        }
        return list.substring(0, m.start()).replaceAll("\"next\"\\s*:\\s*\"[^\"]*\"", "\"next\": null")
                + "\"results\": []\n}\n";
    }

    /** A tracking number of the documented length: the documented one with its last digits replaced by n. */
    static String trackingNumber(String documented, int n) {
        String suffix = String.valueOf(n);
        return documented.substring(0, documented.length() - suffix.length()) + suffix;
    }

    /** Creates (or replaces) a factory configuration through the shell; returns nothing, fails on an error. */
    static void configure(WaybillDistribution waybill, String factoryPid, String alias, Map<String, String> props) {
        StringBuilder cmd = new StringBuilder("config:edit --factory --alias " + alias + " " + factoryPid);
        props.forEach((k, v) -> cmd.append("\nconfig:property-set ").append(k).append(' ').append(v));
        cmd.append("\nconfig:update");
        Result r = waybill.shell(cmd.toString());
        assertEquals(0, r.exitCode(), () -> "configuration " + alias + " of " + factoryPid + ":\n" + r.output());
    }

    /** Deletes the factory configurations whose property matches (e.g. accountId=it). */
    static void deleteConfigurations(WaybillDistribution waybill, String filter) {
        Result list = waybill.shell("config:list \"" + filter + "\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        while (pid.find()) {
            waybill.shell("config:delete " + pid.group(1));
        }
    }

    /** Waits until waybill:plugin-list shows a carrier with this id. */
    static void awaitCarrier(WaybillDistribution waybill, String carrierId) {
        Pattern row = Pattern.compile("(?m)^carrier\\s*\\|\\s*" + Pattern.quote(carrierId) + "\\s*\\|.*");
        waybill.shellUntil("waybill:plugin-list", r -> row.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
    }

    /** The default shipping method of each store ("STORE CODE CARRIER [SERVICE]"), from waybill:settings show. */
    static Map<String, String[]> defaultMethods(WaybillDistribution waybill) {
        Result show = waybill.shell("waybill:settings show");
        Map<String, String[]> defaults = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^  (\\S+) (\\S+) -> (\\S+)(?: / (\\S+))? \\(default\\)\\s*$")
                .matcher(show.output());
        while (m.find()) {
            defaults.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
        }
        return defaults;
    }

    /** Makes a shipping method the store's default. */
    static void setDefaultMethod(WaybillDistribution waybill, String store, String code, String carrier,
                                 String service) {
        Result r = waybill.shell("waybill:settings --default shipping-method " + store + " " + code + " " + carrier
                + (service == null ? "" : " " + service));
        if (!r.output().contains("Saved " + store + " " + code + " -> " + carrier)) {
            throw new AssertionError("shipping method " + store + " " + code + " -> " + carrier + ":\n" + r.output());
        }
    }

    /** Restores the default shipping methods read by {@link #defaultMethods}. */
    static void restoreDefaults(WaybillDistribution waybill, Map<String, String[]> defaults) {
        defaults.forEach((store, m) -> setDefaultMethod(waybill, store, m[0], m[1], m[2]));
    }

    static List<String> bodies(WireMockServer stub) {
        return stub.getAllServeEvents().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()
                + " " + e.getRequest().getBodyAsString()).toList();
    }

    /**
     * A one-page 4 x 6 in PDF standing in for the label file a carrier's {@code label_url} serves (a pre-signed
     * storage link, not an API body, so no provider document has one): Helvetica text only, written by hand with a
     * correct cross-reference table, so the print path has a real carrier PDF to place in the merged batch.
     */
    static byte[] carrierLabelPdf(String text) {
        String content = "BT /F1 9 Tf 18 380 Td (" + text.replace("\\", "\\\\").replace("(", "\\(")
                .replace(")", "\\)") + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int n = 0; n < objects.size(); n++) {
            offsets.add(pdf.length());
            pdf.append(n + 1).append(" 0 obj\n").append(objects.get(n)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
