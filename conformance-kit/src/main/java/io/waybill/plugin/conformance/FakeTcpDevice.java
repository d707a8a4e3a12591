package io.waybill.plugin.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A misbehaving networked device on localhost for {@link ScaleConformance}. */
public final class FakeTcpDevice implements AutoCloseable {

    /** How the device misbehaves. */
    public enum Mode {
        /** Accepts and reads, never writes. */
        SILENT,
        /** Writes garbage lines (binary, overlong, half frames) on connect and for every byte it receives. */
        GARBAGE,
        /** Accepts and closes the connection at once. */
        DROP,
        /** Nobody listens on the port. */
        ABSENT
    }

    private static final List<byte[]> GARBAGE = List.of(
            "\u0000\u0001\u00ff\u00fe\r\n".getBytes(StandardCharsets.ISO_8859_1),
            "S S  -abc.de kg\r\n".getBytes(StandardCharsets.US_ASCII),
            "ES\r\n".getBytes(StandardCharsets.US_ASCII),
            ("X".repeat(5000) + "\r\n").getBytes(StandardCharsets.US_ASCII),
            "ST,GS,+ NaN   kg\r\n".getBytes(StandardCharsets.US_ASCII),
            "S D 99999999999999999999 g\r\n".getBytes(StandardCharsets.US_ASCII),
            "\r\n\r\n\n\r".getBytes(StandardCharsets.US_ASCII));

    private final Mode mode;
    private final ServerSocket server;
    private final int port;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private FakeTcpDevice(Mode mode) throws IOException {
        this.mode = mode;
        ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        port = s.getLocalPort();
        if (mode == Mode.ABSENT) {
            s.close();
            server = null;
        } else {
            server = s;
            Thread t = new Thread(this::serve, "fake-device-" + mode);
            t.setDaemon(true);
            t.start();
        }
    }

    public static FakeTcpDevice start(Mode mode) throws IOException {
        return new FakeTcpDevice(mode);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                if (mode == Mode.DROP) {
                    s.close();
                    continue;
                }
                Thread t = new Thread(() -> talk(s), "fake-device-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n = 0;
            if (mode == Mode.GARBAGE) {
                out.write(GARBAGE.get(n++ % GARBAGE.size()));
                out.flush();
            }
            while (in.read() >= 0) {
                if (mode == Mode.GARBAGE) {
                    out.write(GARBAGE.get(n++ % GARBAGE.size()));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
