package io.waybill.device.mtsics.internal;

import io.waybill.plugin.kit.serial.DeviceLink;
import io.waybill.plugin.kit.serial.DeviceSession;
import io.waybill.plugin.kit.serial.LineReader;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One Mettler Toledo MT-SICS scale (one per factory configuration), registered as {@link Scale}. Sends one
 * command at a time through the {@link SerialTransport} or {@link TcpTransport} and waits for its answer on the
 * caller's thread, never longer than the configured timeout; the port is opened on first use and again after it
 * was lost. Every problem becomes a {@link DeviceStatus}; nothing is thrown.
 */
@Component(service = Scale.class, configurationPid = MtSicsScale.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MtSicsConfig.class, factory = true)
public class MtSicsScale implements Scale {
    static final String PID = "io.waybill.device.mtsics";
    private static final Logger LOG = LoggerFactory.getLogger(MtSicsScale.class);
    /** Resynchronising command (serial number; every MT-SICS level-0 scale answers {@code I4 A "<number>"}). */
    static final String SYNC = "I4";

    private final MtSicsSettings settings;
    private final String configProblem;
    private final String name;
    /** The connection, one command at a time; null when the settings are bad. */
    private final DeviceSession session;
    /**
     * A command was sent on this connection and its answer has not come (it may still): resynchronise first. Read
     * and written under the session's lock only.
     */
    private boolean unanswered;

    @Activate
    public MtSicsScale(@Reference SerialTransport serialTransport, @Reference TcpTransport tcpTransport,
                       MtSicsConfig config) {
        this(serialTransport, tcpTransport, settingsOrNull(config), problem(config), config.name());
    }

    MtSicsScale(SerialTransport serialTransport, TcpTransport tcpTransport, MtSicsSettings settings) {
        this(serialTransport, tcpTransport, settings, "", settings.name());
    }

    private MtSicsScale(SerialTransport serialTransport, TcpTransport tcpTransport, MtSicsSettings settings,
                        String configProblem, String name) {
        this.settings = settings;
        this.configProblem = configProblem;
        this.name = DeviceLink.nameOr(name);
        // a new connection owes no answer
        this.session = settings == null ? null
                : new DeviceSession(settings.link(), serialTransport, tcpTransport, () -> unanswered = false);
    }

    private static MtSicsSettings settingsOrNull(MtSicsConfig c) {
        try {
            return MtSicsSettings.from(c);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String problem(MtSicsConfig c) {
        try {
            MtSicsSettings.from(c);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        if (session != null) {
            session.close();
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("mtsics:" + name, "Scale " + name + " (MT-SICS)",
                "Mettler Toledo MT-SICS scale on " + (settings == null ? "?" : settings.where()));
    }

    @Override
    public DeviceStatus status() {
        return weigh("SI").status();
    }

    @Override
    public WeightReading read() {
        return weigh(settings == null ? "SI" : settings.weighCommand());
    }

    @Override
    public Result<Boolean> zero() {
        Outcome o = exchange("Z");
        if (o.reply == null) {
            return Result.failure(Message.error(OFFLINE, o.status.detail()));
        }
        return switch (o.reply.kind()) {
            case EXECUTED -> Result.ok(Boolean.TRUE);
            case NOT_EXECUTABLE -> notExecuted("scale could not zero now (Z I): wait until the weight is stable");
            case ABOVE_RANGE -> notExecuted("load too heavy to zero (Z +): take it off and zero again");
            case BELOW_RANGE -> notExecuted("load too light to zero (Z -): put the platter back");
            default -> notExecuted(generalError("Z", o.reply));
        };
    }

    @Override
    public Result<Integer> tare() {
        Outcome o = exchange("T");
        if (o.reply == null) {
            return Result.failure(Message.error(OFFLINE, o.status.detail()));
        }
        return switch (o.reply.kind()) {
            case STABLE_WEIGHT -> Result.ok(o.reply.grams());
            case NOT_EXECUTABLE -> notExecuted("scale could not tare now (T I): wait until the weight is stable");
            case ABOVE_RANGE -> notExecuted("load too heavy to tare (T +)");
            case BELOW_RANGE -> notExecuted("load too light to tare (T -)");
            default -> notExecuted(generalError("T", o.reply));
        };
    }

    private static <T> Result<T> notExecuted(String text) {
        return Result.failure(Message.error(NOT_EXECUTED, text));
    }

    private WeightReading weigh(String command) {
        Outcome o = exchange(command);
        if (o.reply == null) {
            return WeightReading.none(o.status);
        }
        MtSicsReply r = o.reply;
        return switch (r.kind()) {
            case STABLE_WEIGHT -> WeightReading.stable(r.grams());
            case DYNAMIC_WEIGHT -> WeightReading.unstable(r.grams());
            case NOT_EXECUTABLE -> WeightReading.none(command.equals("S")
                    ? DeviceStatus.online("no stable weight within the scale's own time (S I): keep the parcel still",
                            DeviceStatus.NO_STABLE_WEIGHT)
                    : DeviceStatus.online("scale busy, no weight now (S I)", DeviceStatus.BUSY_NO_WEIGHT));
            case ABOVE_RANGE -> WeightReading.none(DeviceStatus.online("overload (S +): take the load off",
                    DeviceStatus.OVERLOAD));
            case BELOW_RANGE -> WeightReading.none(DeviceStatus.online("underload (S -): zero the empty scale",
                    DeviceStatus.UNDERLOAD));
            default -> WeightReading.none(errorStatus(command, r));
        };
    }

    /**
     * The status after an error answer (EL: online, it cannot do it now; ES, ET: offline, it does not speak
     * MT-SICS here) or an answer that does not fit: the text of {@link #generalError} with its code (SPI device 1.1).
     */
    DeviceStatus errorStatus(String command, MtSicsReply r) {
        String text = generalError(command, r);
        return switch (r.kind()) {
            case LOGICAL_ERROR -> DeviceStatus.online(text, DeviceStatus.CANNOT_EXECUTE, command);
            case SYNTAX_ERROR -> DeviceStatus.offline(text, DeviceStatus.NOT_UNDERSTOOD, where(), command);
            case TRANSMISSION_ERROR -> DeviceStatus.offline(text, DeviceStatus.GARBLED, where(), command);
            default -> DeviceStatus.offline(text, DeviceStatus.UNEXPECTED_ANSWER, where(), command, r.raw());
        };
    }

    private String generalError(String command, MtSicsReply r) {
        return switch (r.kind()) {
            case SYNTAX_ERROR -> "scale on " + where() + " does not understand " + command
                    + " (ES): is it set to MT-SICS?";
            case TRANSMISSION_ERROR -> "scale on " + where() + " received " + command
                    + " garbled (ET): check baud rate, parity and cable";
            case LOGICAL_ERROR -> "scale cannot execute " + command + " now (EL)";
            default -> "unexpected answer to " + command + " from " + where() + ": '" + r.raw() + "'";
        };
    }

    /** The answer to one command, or no answer and the status that says why. */
    private record Outcome(MtSicsReply reply, DeviceStatus status) {
        static Outcome failed(DeviceStatus status) {
            return new Outcome(null, status);
        }
    }

    /**
     * Sends one command and waits for its answer; the whole call takes at most the configured timeout. The answer
     * must arrive within this call's window: what came before it is drained and logged, and after a command went
     * unanswered (its answer may still come) the scale is first resynchronised with {@value #SYNC}.
     */
    private Outcome exchange(String command) {
        if (settings == null) {
            return Outcome.failed(DeviceStatus.offline("bad settings for scale " + name + ": " + configProblem,
                    DeviceStatus.BAD_SETTINGS, name, configProblem));
        }
        return session.call(Outcome::failed, (connection, lines, deadline) -> {
            dropStale(lines.drain(connection, deadline), command);
            if (unanswered) {
                Outcome sync = resynchronise(connection, lines, command, deadline);
                if (sync != null) {
                    return sync;
                }
            }
            connection.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            // until an answer to this command comes, one may still be on its way: the next exchange resynchronises
            unanswered = true;
            while (true) {
                LineReader.Line line = lines.next(connection, deadline);
                if (!line.complete()) {
                    if (line.text().isEmpty()) {
                        return Outcome.failed(DeviceStatus.offline("no answer to " + command + " within "
                                + settings.timeout().toMillis() + " ms from " + connection.description(),
                                DeviceStatus.NO_ANSWER, connection.description(), command,
                                settings.timeout().toMillis()));
                    }
                    String partial = MtSicsParser.printable(line.text());
                    return Outcome.failed(DeviceStatus.offline("unreadable answer to " + command + " from "
                            + connection.description() + ": '" + partial + "' (wrong baud rate or not MT-SICS?)",
                            DeviceStatus.UNREADABLE, connection.description(), partial));
                }
                if (!line.fresh()) {
                    dropStale(line.text().getBytes(StandardCharsets.ISO_8859_1), command);
                    continue;
                }
                if (line.text().isEmpty()) {
                    continue;
                }
                MtSicsReply reply = MtSicsParser.parse(line.text());
                if (reply.kind() == MtSicsReply.Kind.UNREADABLE) {
                    return Outcome.failed(DeviceStatus.offline("unreadable answer to " + command + " from "
                            + connection.description() + ": '" + reply.raw() + "' (" + reply.problem() + ")",
                            DeviceStatus.UNREADABLE, connection.description(), reply.raw()));
                }
                if (reply.answers(command)) {
                    unanswered = false;
                    return new Outcome(reply, DeviceStatus.online());
                }
                LOG.debug("Scale {}: skipped late answer '{}' while waiting for {}", name, reply.raw(), command);
            }
        });
    }

    /**
     * After an unanswered command: sends {@value #SYNC} and drops every line until its answer (or ES/ET/EL, which
     * answer any command). The scale answers in order, so a late answer to the earlier command comes before it and
     * whatever follows answers what is sent next. Returns null when done, else the failure (still unanswered).
     */
    private Outcome resynchronise(DeviceConnection connection, LineReader lines, String command, long deadline)
            throws IOException {
        connection.write((SYNC + "\r\n").getBytes(StandardCharsets.US_ASCII));
        while (true) {
            LineReader.Line line = lines.next(connection, deadline);
            if (!line.complete()) {
                return Outcome.failed(DeviceStatus.offline("no answer to " + SYNC + " (sent before " + command
                        + " because an earlier command went unanswered) within " + settings.timeout().toMillis()
                        + " ms from " + connection.description()
                        + (line.text().isEmpty() ? "" : ", only '" + MtSicsParser.printable(line.text()) + "'"),
                        DeviceStatus.NO_ANSWER, connection.description(), SYNC, settings.timeout().toMillis()));
            }
            MtSicsReply reply = MtSicsParser.parse(line.text());
            if (line.fresh() && (reply.command().equals(SYNC) || reply.isGeneralError())) {
                unanswered = false;
                return null;
            }
            dropStale(line.text().getBytes(StandardCharsets.ISO_8859_1), command);
        }
    }

    private void dropStale(byte[] bytes, String command) {
        if (bytes.length > 0 && LOG.isDebugEnabled()) {
            LOG.debug("Scale {}: dropped {} bytes that arrived outside the window of {}: '{}'", name, bytes.length,
                    command, MtSicsParser.printable(new String(bytes, StandardCharsets.ISO_8859_1)));
        }
    }

    private String where() {
        return settings == null ? "?" : settings.where();
    }

    /** For tests: the timeout in force. */
    Duration timeout() {
        return settings.timeout();
    }
}
