package io.waybill.device.continuous.internal;

import io.waybill.plugin.kit.serial.DeviceLink;
import io.waybill.plugin.kit.serial.DeviceSession;
import io.waybill.plugin.kit.serial.LineReader;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.Scale;
import io.waybill.spi.device.SerialTransport;
import io.waybill.spi.device.TcpTransport;
import io.waybill.spi.device.WeightReading;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One continuous-output scale (one per factory configuration), registered as {@link Scale}. The scale streams
 * frames by itself; a read throws away everything already on the line (the backlog, and a frame begun before the
 * read, even when its end parses) and waits on the caller's thread, at most the configured timeout, for the next
 * frame that begins after the read started, so the weight returned is never older than the read. No frame in time means stale
 * data: OFFLINE. The port is opened on first use and again after it was lost; nothing is thrown.
 */
@Component(service = Scale.class, configurationPid = ContinuousScale.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ContinuousConfig.class, factory = true)
public class ContinuousScale implements Scale {
    static final String PID = "io.waybill.device.continuous";
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousScale.class);

    private final DeviceLink settings;
    private final String configProblem;
    private final String name;
    /** The connection, one read at a time; null when the settings are bad. */
    private final DeviceSession session;

    @Activate
    public ContinuousScale(@Reference SerialTransport serialTransport, @Reference TcpTransport tcpTransport,
                           ContinuousConfig config) {
        DeviceLink s = null;
        String problem = "";
        try {
            s = DeviceLink.from(config.name(), config.connection(), config.port(), config.baudRate(),
                    config.dataBits(), config.parity(), config.host(), config.tcpPort(), config.timeoutMs());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        this.settings = s;
        this.configProblem = problem;
        this.name = DeviceLink.nameOr(config.name());
        this.session = s == null ? null : new DeviceSession(s, serialTransport, tcpTransport, null);
    }

    ContinuousScale(SerialTransport serialTransport, TcpTransport tcpTransport, DeviceLink settings) {
        this.settings = settings;
        this.configProblem = "";
        this.name = settings.name();
        this.session = new DeviceSession(settings, serialTransport, tcpTransport, null);
    }

    @Deactivate
    void deactivate() {
        if (session != null) {
            session.close();
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("continuous:" + name, "Scale " + name + " (continuous output)",
                "Continuous-output scale on " + where());
    }

    @Override
    public DeviceStatus status() {
        return read().status();
    }

    @Override
    public WeightReading read() {
        if (settings == null) {
            return WeightReading.none(DeviceStatus.offline("bad settings for scale " + name + ": " + configProblem,
                    DeviceStatus.BAD_SETTINGS, name, configProblem));
        }
        return session.call(WeightReading::none, (connection, lines, deadline) -> {
            // everything on the line now is older than this read (the backlog, a frame begun before): drop it
            byte[] backlog = lines.drain(connection, deadline);
            if (backlog.length > 0 && LOG.isDebugEnabled()) {
                LOG.debug("Scale {}: dropped {} bytes sent before the read: '...{}'", name, backlog.length,
                        ContinuousFrameParser.printable(new String(backlog, Math.max(0, backlog.length - 40),
                                Math.min(40, backlog.length), StandardCharsets.ISO_8859_1)));
            }
            ContinuousFrame lastUnreadable = null;
            while (true) {
                LineReader.Line line = lines.next(connection, deadline);
                if (!line.complete()) {
                    return WeightReading.none(noFrame(connection.description(), line.text(), lastUnreadable));
                }
                if (!line.fresh()) {
                    // the rest of a frame that began before the read: old weight, even when it parses
                    LOG.debug("Scale {}: dropped the end of a frame begun before the read: '{}'", name,
                            ContinuousFrameParser.printable(line.text()));
                    continue;
                }
                ContinuousFrame frame = ContinuousFrameParser.parse(line.text());
                switch (frame.state()) {
                    case STABLE:
                        return WeightReading.stable(frame.grams());
                    case UNSTABLE:
                        return WeightReading.unstable(frame.grams());
                    case OVERLOAD:
                        return WeightReading.none(DeviceStatus.online("overload (OL): take the load off",
                                DeviceStatus.OVERLOAD));
                    default:
                        // an unreadable frame: keep waiting for a readable one, say what came if none does
                        lastUnreadable = line.text().isEmpty() ? lastUnreadable : frame;
                }
            }
        });
    }

    /** Why no weight came within the timeout (offline): what came, if anything (SPI device 1.1 codes). */
    DeviceStatus noFrame(String from, String partial, ContinuousFrame lastUnreadable) {
        long ms = settings.timeout().toMillis();
        if (lastUnreadable != null) {
            return DeviceStatus.offline("unreadable data from " + from + ": '" + lastUnreadable.raw() + "' ("
                    + lastUnreadable.problem() + "; wrong baud rate or another output format?)",
                    DeviceStatus.UNREADABLE, from, lastUnreadable.raw());
        }
        if (!partial.isEmpty()) {
            String part = ContinuousFrameParser.printable(partial);
            return DeviceStatus.offline("no complete frame within " + ms + " ms from " + from + ", only '" + part
                    + "'", DeviceStatus.PARTIAL_FRAME, from, ms, part);
        }
        return DeviceStatus.offline("no weight frame within " + ms + " ms from " + from
                + " (scale off, or not in continuous output mode?)", DeviceStatus.NO_FRAME, from, ms);
    }

    private String where() {
        return settings == null ? "?" : settings.where();
    }
}
