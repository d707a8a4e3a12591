package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A network label printer reached over raw TCP ("JetDirect", port 9100 by default): the bytes are written as they
 * are and the connection is closed, which is how Zebra and compatible printers take ZPL.
 *
 * @param host host name or address
 * @param port TCP port
 */
record RawTcpPrinter(String host, int port) {

    static final int DEFAULT_PORT = 9100;
    private static final int TIMEOUT_MILLIS = 5_000;

    /** Parses {@code host}, {@code host:port} or {@code [ipv6]:port}; refuses anything else with a clear reason. */
    static RawTcpPrinter parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new OperationRefusedException("no_label_printer", "No label printer is set: give one with "
                    + "--printer host[:port], or set zplPrinter in the configuration io.waybill.print.");
        }
        String host = v;
        String portText = null;
        if (v.startsWith("[") && v.indexOf(']') > 0) {
            host = v.substring(1, v.indexOf(']'));
            String rest = v.substring(v.indexOf(']') + 1);
            portText = rest.isEmpty() ? null : rest.startsWith(":") ? rest.substring(1) : "bad";
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            portText = v.substring(v.indexOf(':') + 1);
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535 || host.isBlank() || !host.matches("[A-Za-z0-9.:%_-]+")) {
            throw new OperationRefusedException("invalid_printer", "'" + v + "' is not a printer address: use "
                    + "host or host:port (port 1-65535, 9100 by default).");
        }
        return new RawTcpPrinter(host, port);
    }

    /** Sends the bytes; refuses with {@code printer_unreachable} when the printer cannot be reached or written. */
    void send(byte[] data) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(data);
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new OperationRefusedException("printer_unreachable", "The label printer " + this + " could not "
                    + "be reached: " + e.getMessage() + ". Nothing was printed.");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
