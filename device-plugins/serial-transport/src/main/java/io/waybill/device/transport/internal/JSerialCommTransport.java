package io.waybill.device.transport.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.SerialPortInfo;
import io.waybill.spi.device.SerialSettings;
import io.waybill.spi.device.SerialTransport;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@link SerialTransport} of Waybill: opens serial ports with jSerialComm, the only place that library is
 * used. Classifies open failures by the operating system's error code into not found / busy / denied.
 */
@Component(service = SerialTransport.class)
public class JSerialCommTransport implements SerialTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommTransport.class);

    // POSIX errno values jSerialComm reports from open()/flock()/ioctl(TIOCEXCL)
    private static final int ENOENT = 2;
    private static final int ENXIO = 6;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;
    private static final int EAGAIN = 11;
    private static final int EPERM = 1;

    @Override
    public List<SerialPortInfo> listPorts() {
        try {
            return Arrays.stream(SerialPort.getCommPorts())
                    .map(p -> new SerialPortInfo(portName(p), describe(p)))
                    .sorted(Comparator.comparing(SerialPortInfo::name))
                    .toList();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot list serial ports: {}", e.toString());
            return List.of();
        }
    }

    @Override
    public Result<DeviceConnection> open(String portName, SerialSettings settings) {
        if (portName == null || portName.isBlank()) {
            return Result.failure(Message.error(PORT_NOT_FOUND, "no serial port configured"));
        }
        if (settings == null) {
            return Result.failure(Message.error(PORT_ERROR, "no serial settings given for " + portName));
        }
        String name = portName.trim();
        // a path that is not there: say so before the library turns it into a generic failure
        if (name.startsWith("/") && !new File(name).exists()) {
            return Result.failure(Message.error(PORT_NOT_FOUND, "serial port " + name + " does not exist"));
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            return Result.failure(Message.error(PORT_NOT_FOUND, "serial port " + name + " does not exist"));
        } catch (RuntimeException | LinkageError e) {
            // e.g. the native library cannot be loaded on this platform
            LOG.warn("Serial support unavailable while opening {}: {}", name, e.toString());
            return Result.failure(Message.error(PORT_ERROR,
                    "serial support unavailable on this machine (" + e + ") for " + name));
        }
        try {
            // stored before open; openPort applies them to the device
            port.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings));
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            if (!port.openPort(0)) {
                int code = port.getLastErrorCode();
                // jSerialComm reports 2 both for ENOENT and for "already open in this process"
                if (code == ENOENT && name.startsWith("/") && new File(name).exists()) {
                    return Result.failure(Message.error(PORT_BUSY,
                            "serial port " + name + " is already open in Waybill (another device uses it)"));
                }
                return Result.failure(openFailure(name, code));
            }
            JSerialCommConnection connection = new JSerialCommConnection(port,
                    name + " " + settings.shortForm(), settings.readTimeout());
            LOG.debug("Opened serial port {} {}", name, settings.shortForm());
            return Result.ok(connection);
        } catch (RuntimeException | LinkageError e) {
            try {
                port.closePort();
            } catch (RuntimeException ignored) {
                // nothing more to release
            }
            return Result.failure(Message.error(PORT_ERROR, "cannot open serial port " + name + ": " + e));
        }
    }

    /** The failure message for an open() that returned false with this errno. */
    static Message openFailure(String name, int errno) {
        return switch (errno) {
            case ENOENT, ENXIO, ENODEV -> Message.error(PORT_NOT_FOUND, "serial port " + name + " does not exist");
            case EBUSY, EAGAIN -> Message.error(PORT_BUSY,
                    "serial port " + name + " is in use by another program or device");
            case EACCES, EPERM -> Message.error(PORT_DENIED, "no permission to open serial port " + name
                    + " (on Linux the Waybill user must be in the dialout group)");
            default -> Message.error(PORT_ERROR, "cannot open serial port " + name + " (system error " + errno + ")");
        };
    }

    private static String portName(SerialPort p) {
        String path = p.getSystemPortPath();
        return path == null || path.isBlank() ? p.getSystemPortName() : path;
    }

    private static String describe(SerialPort p) {
        String d = p.getPortDescription();
        return d == null ? "" : d.trim();
    }

    static int stopBits(SerialSettings s) {
        return switch (s.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }
}
