package io.waybill.ui.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter with hand-made request/response fakes: what it answers and how much of a body it reads. */
class WebSecurityFilterTest {

    private static final long LIMIT = 1024;

    /** A request body of {@code size} bytes; counts what was read from it. */
    static final class Body extends ServletInputStream {
        final long size;
        final AtomicLong read = new AtomicLong();

        Body(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read.get() >= size) {
                return -1;
            }
            read.incrementAndGet();
            return 'x';
        }

        @Override
        public boolean isFinished() {
            return read.get() >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener l) {
        }
    }

    /** What the fake response received. */
    static final class Answer {
        int status = 200;
        final Map<String, List<String>> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean committed;
    }

    static HttpServletRequest request(String method, String uri, long declared, Body body) {
        return (HttpServletRequest) Proxy.newProxyInstance(WebSecurityFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getContentLengthLong" -> declared;
                    case "getInputStream" -> body;
                    case "isSecure" -> false;
                    case "getServletContext" -> null;
                    case "getCharacterEncoding" -> null;
                    default -> null;
                });
    }

    static HttpServletResponse response(Answer answer) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(WebSecurityFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (int) a[0];
                        case "sendError" -> {
                            answer.status = (int) a[0];
                            answer.committed = true;
                        }
                        case "setHeader" -> answer.headers.put((String) a[0], new ArrayList<>(List.of((String) a[1])));
                        case "addHeader" -> answer.headers.computeIfAbsent((String) a[0], k -> new ArrayList<>())
                                .add((String) a[1]);
                        case "getHeaders" -> {
                            return answer.headers.getOrDefault((String) a[0], List.of());
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "isCommitted" -> {
                            return answer.committed;
                        }
                        case "reset" -> {
                            answer.headers.clear();
                            answer.body.reset();
                            answer.status = 200;
                        }
                        case "flushBuffer" -> answer.committed = true;
                        default -> {
                        }
                    }
                    return null;
                });
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAnswered413UnreadAndTheServletIsNeverCalled() throws Exception {
        // given
        Body body = new Body(LIMIT * 30);
        Answer answer = new Answer();
        AtomicBoolean servletCalled = new AtomicBoolean();
        // when
        new WebSecurityFilter(LIMIT).doFilter(request("POST", "/VAADIN/dynamic/resource/1/k/upload", LIMIT * 30, body),
                response(answer), (rq, rs) -> servletCalled.set(true));
        // then
        assertEquals(413, answer.status);
        assertEquals(List.of("close"), answer.headers.get("Connection"));
        assertTrue(answer.body.toString(StandardCharsets.UTF_8).startsWith("Refused: the request body is larger"));
        assertFalse(servletCalled.get());
        assertEquals(0, body.read.get(), "bytes read of a refused declared body");
    }

    @Test
    void aChunkedBodyIsReadOnlyUpToTheLimitAndAnswered413InsteadOfTheServletsError() throws Exception {
        // given: a servlet that reads everything and answers 500 when reading fails (as Vaadin does)
        Body body = new Body(LIMIT * 200);
        Answer answer = new Answer();
        FilterChain servlet = (rq, rs) -> {
            try {
                rq.getInputStream().readAllBytes();
                ((HttpServletResponse) rs).setStatus(200);
            } catch (IOException e) {
                ((HttpServletResponse) rs).sendError(500);
                rs.getOutputStream().write("server error".getBytes(StandardCharsets.UTF_8));
                throw e;
            }
        };
        // when
        new WebSecurityFilter(LIMIT).doFilter(request("POST", "/VAADIN/dynamic/resource/1/k/upload", -1, body),
                response(answer), servlet);
        // then
        assertEquals(413, answer.status);
        assertEquals(LIMIT + 1, body.read.get(), "bytes read of a chunked body over the limit");
        assertTrue(answer.body.toString(StandardCharsets.UTF_8).startsWith("Refused"));
        assertEquals(List.of("SAMEORIGIN"), answer.headers.get("X-Frame-Options"), "headers survive the reset");
        assertEquals(List.of("nosniff"), answer.headers.get("X-Content-Type-Options"));
    }

    @Test
    void aChunkedBodyWithinTheLimitPassesWhole() throws Exception {
        // given
        Body body = new Body(LIMIT);
        Answer answer = new Answer();
        AtomicLong seen = new AtomicLong();
        // when
        new WebSecurityFilter(LIMIT).doFilter(request("POST", "/VAADIN/dynamic/resource/1/k/upload", -1, body),
                response(answer), (rq, rs) -> seen.set(rq.getInputStream().readAllBytes().length));
        // then
        assertEquals(200, answer.status);
        assertEquals(LIMIT, seen.get());
        assertEquals(List.of("frame-ancestors 'self'"), answer.headers.get("Content-Security-Policy"));
    }
}
