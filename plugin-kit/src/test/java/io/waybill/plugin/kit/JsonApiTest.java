package io.waybill.plugin.kit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's JSON API transport against a real local HTTP server. */
class JsonApiTest {

    private HttpServer server;
    private final Map<String, Map<String, List<String>>> seen = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            seen.put(key, Map.copyOf(exchange.getRequestHeaders()));
            bodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer;
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                byte[] moved = "moved".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", base + "/elsewhere");
                exchange.sendResponseHeaders(302, moved.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(moved);
                }
                return;
            }
            answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonApi api() {
        return JsonApi.to("AcmeClient", base + "/").header("Authorization", "Bearer s3cret-token")
                .header("X-Api-Version", "2024-01").header("X-Blank", " ")
                .timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)).build(); // generous: a busy machine
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> String.join(",", e.getValue())).orElse(null);
    }

    @Test
    void apiRequestsCarryTheCredentialTheVersionAndJsonHeaders() throws Exception {
        // when
        HttpReply got = api().get("/v1/things?page=2");
        HttpReply posted = api().postJson("/v1/things", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        // then
        assertEquals(200, got.status());
        assertEquals("{\"ok\":true}", posted.bodyText());
        Map<String, List<String>> get = seen.get("GET /v1/things?page=2");
        assertEquals("Bearer s3cret-token", header(get, "Authorization"));
        assertEquals("2024-01", header(get, "X-Api-Version"));
        assertEquals("application/json", header(get, "Accept"));
        assertNull(header(get, "X-Blank"), "a blank header value is left out");
        Map<String, List<String>> post = seen.get("POST /v1/things");
        assertEquals("application/json; charset=utf-8", header(post, "Content-Type"));
        assertEquals("{\"a\":1}", bodies.get("POST /v1/things"));
    }

    @Test
    void aDownloadCarriesNoneOfTheApiHeaders() throws Exception {
        // when
        HttpReply reply = api().download(URI.create(base + "/files/label.pdf"));

        // then
        assertEquals(200, reply.status());
        Map<String, List<String>> headers = seen.get("GET /files/label.pdf");
        assertNull(header(headers, "Authorization"), "the credential never goes to the document host");
        assertNull(header(headers, "X-Api-Version"));
    }

    @Test
    void aDownloadRefusesSchemesOtherThanHttp() {
        // when / then
        IOException e = assertThrows(IOException.class, () -> api().download(URI.create("file:///etc/passwd")));
        assertTrue(e.getMessage().contains("not an http(s) URL"), e.getMessage());
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws Exception {
        // when
        HttpReply reply = api().get("/moved");

        // then
        assertEquals(302, reply.status());
        assertFalse(seen.containsKey("GET /elsewhere"), "the redirect was not followed");
    }

    @Test
    void itsTextNamesTheEndpointNeverTheCredential() {
        // when
        String text = api().toString();

        // then
        assertEquals("AcmeClient[" + base + "]", text);
        assertFalse(text.contains("s3cret"));
    }

    @Test
    void aMalformedBaseUrlFailsWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> JsonApi.to("Acme", "http://bad host/"));
    }
}
