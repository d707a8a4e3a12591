package io.waybill.ui.internal.web;

import io.waybill.ui.internal.VaadinContextHelper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Guards every request of the web UI before Vaadin sees it: sets the security headers ({@link SecurityHeaders}),
 * hardens the session cookie ({@link SessionCookies}) and bounds request bodies to {@link UploadLimit#MAX_REQUEST_BYTES}
 * while streaming. A body that declares a larger {@code Content-Length} is answered 413 at once, unread; a body of
 * undeclared length (chunked) is read through a counting stream that stops at the limit, and the request is then
 * answered 413 whatever the servlet tried to answer. Nothing beyond the limit is ever read or buffered.
 */
@Component(service = Filter.class)
@HttpWhiteboardContextSelect(VaadinContextHelper.SELECT)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("waybill-web-security")
@HttpWhiteboardFilterAsyncSupported
public class WebSecurityFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurityFilter.class);

    static final String REFUSAL = "Refused: the request body is larger than " + UploadLimit.MAX_FILE_TEXT
            + " (the upload limit). Nothing was read beyond the limit and nothing was imported.\n";

    private final long limit;

    public WebSecurityFilter() {
        this(UploadLimit.MAX_REQUEST_BYTES);
    }

    WebSecurityFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String path = path(request);
        SecurityHeaders.forPath(path).forEach(response::setHeader);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            LOG.info("Refused a {} byte request body to {} (limit {} bytes)", declared, path, limit);
            refuse(response, path);
            return;
        }
        String cookieName = cookieName(request);
        // only bodies of undeclared length (chunked) need counting; a declared length is enforced by Jetty
        boolean bounded = declared < 0 && hasBody(request.getMethod());
        GuardedRequest guarded = new GuardedRequest(request, response, cookieName, bounded ? limit : -1);
        HttpServletResponse answer = bounded ? new GuardedResponse(response, guarded) : response;
        try {
            chain.doFilter(guarded, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!guarded.exceeded() && !tooLarge(e)) {
                throw e;
            }
        }
        if (guarded.exceeded()) {
            LOG.info("Refused a request body of undeclared length to {} beyond {} bytes", path, limit);
            if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.forPath(path).forEach(response::setHeader);
                refuse(response, path);
            }
            return;
        }
        SessionCookies.harden(response, cookieName, request.isSecure());
    }

    static boolean hasBody(String method) {
        return "POST".equalsIgnoreCase(method) || "PUT".equalsIgnoreCase(method) || "PATCH".equalsIgnoreCase(method);
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "/";
        }
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String cookieName(HttpServletRequest request) {
        try {
            String name = request.getServletContext().getSessionCookieConfig().getName();
            return name == null || name.isBlank() ? SessionCookies.DEFAULT_NAME : name;
        } catch (RuntimeException e) {
            return SessionCookies.DEFAULT_NAME;
        }
    }

    private static void refuse(HttpServletResponse response, String path) throws IOException {
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request with a bounded body (when its length is undeclared) and hardened session cookies. */
    static final class GuardedRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final String cookieName;
        private final long limit;
        private BoundedServletInputStream body;

        GuardedRequest(HttpServletRequest request, HttpServletResponse response, String cookieName, long limit) {
            super(request);
            this.response = response;
            this.cookieName = cookieName;
            this.limit = limit;
        }

        boolean exceeded() {
            return body != null && body.limited.exceeded();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limit < 0) {
                return super.getInputStream();
            }
            if (body == null) {
                body = new BoundedServletInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            if (limit < 0) {
                return super.getReader();
            }
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            SessionCookies.harden(response, cookieName, isSecure());
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            SessionCookies.harden(response, cookieName, isSecure());
            return id;
        }
    }

    /** A servlet input stream that reads through a {@link LimitedInputStream}. */
    static final class BoundedServletInputStream extends ServletInputStream {

        private final ServletInputStream raw;
        final LimitedInputStream limited;

        BoundedServletInputStream(ServletInputStream raw, long limit) {
            this.raw = raw;
            this.limited = new LimitedInputStream(raw, limit);
        }

        @Override
        public int read() throws IOException {
            return limited.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return limited.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return limited.exceeded() || raw.isFinished();
        }

        @Override
        public boolean isReady() {
            return !limited.exceeded() && raw.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            raw.setReadListener(listener);
        }
    }

    /**
     * Passes everything through until the request body went beyond the limit; from then on the servlet's status,
     * errors and output are dropped, so the filter can answer 413 instead of the servlet's 500.
     */
    static final class GuardedResponse extends HttpServletResponseWrapper {

        private final GuardedRequest request;
        private ServletOutputStream out;

        GuardedResponse(HttpServletResponse response, GuardedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int sc) {
            if (!request.exceeded()) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (!request.exceeded()) {
                super.sendError(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!request.exceeded()) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!request.exceeded()) {
                super.flushBuffer();
            }
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (request.exceeded()) {
                return new PrintWriter(OutputStream.nullOutputStream());
            }
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!request.exceeded()) {
                            real.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (!request.exceeded()) {
                            real.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!request.exceeded()) {
                            real.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        if (!request.exceeded()) {
                            real.close();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }
    }
}
