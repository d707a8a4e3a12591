package io.waybill.platform.csv.internal;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderFileParser;
import io.waybill.spi.platform.ParsedOrderFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The "Order files (CSV)" parser: reads the CSV order exports sellers get from marketplaces and spreadsheets
 * (see {@link OrderFileReader} for the format). Registered as an {@link OrderFileParser}; keeps no state between
 * calls and never throws: every failure is a failed {@link Result} with a code.
 */
@Component(service = OrderFileParser.class, configurationPid = CsvOrderFileParser.PID)
@Designate(ocd = CsvConfig.class)
public class CsvOrderFileParser implements OrderFileParser {

    static final String PID = "io.waybill.platform.csv";
    static final String ID = "csv";
    static final String NAME = "Order files (CSV)";
    static final String DESCRIPTION = "Reads orders from CSV files exported by marketplaces and spreadsheets"
            + " (UTF-8, comma, semicolon or tab separated, English or Chinese column names).";

    /** Anything unexpected inside the plugin. */
    static final String PARSE_ERROR = OrderFileParser.PARSE_ERROR;
    /** The {@code zone} setting is not a time zone; nothing is read until it is fixed. */
    static final String BAD_CONFIG = OrderFileParser.BAD_CONFIG;

    /** Settings in effect, replaced as a whole on every settings change; {@code error} the refusal while wrong. */
    private record Settings(ZoneId zone, Message error) {
    }

    /** Examples of what the zone setting takes, as the refusal names them. */
    static final String ZONE_EXAMPLES = "Asia/Shanghai, Europe/Berlin, +08:00";

    private volatile Settings settings = new Settings(ZoneId.systemDefault(), null);

    @Activate
    @Modified
    void configure(CsvConfig config) {
        String zone = config.zone() == null ? "" : config.zone().trim();
        if (zone.isEmpty()) {
            settings = new Settings(ZoneId.systemDefault(), null);
            return;
        }
        try {
            settings = new Settings(ZoneId.of(zone), null);
        } catch (DateTimeException e) {
            // activation must not fail: the component stays up and says what is wrong in each result
            settings = new Settings(ZoneId.systemDefault(), Message.error(BAD_CONFIG, "the setting zone = '" + zone
                    + "' is not a time zone; use a zone id like Asia/Shanghai or an offset like +08:00", "zone", zone,
                    ZONE_EXAMPLES));
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, NAME, DESCRIPTION);
    }

    @Override
    public boolean accepts(String fileName) {
        if (fileName == null) {
            return false;
        }
        String name = fileName.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    @Override
    public Result<ParsedOrderFile> parse(String fileName, byte[] content) {
        Settings current = settings;
        if (current.error() != null) {
            return Result.failure(current.error());
        }
        try {
            return reader(current.zone()).read(content);
        } catch (OrderFileException e) {
            return Result.failure(Message.error(e.code(), e.getMessage(), e.params().toArray()));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // LinkageError: a class missing from the embedded library must not take the caller down either
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return Result.failure(Message.error(PARSE_ERROR, "could not read " + (fileName == null ? "the file"
                    : "'" + fileName + "'") + " because of an internal error (" + error + "); please report it",
                    fileName == null ? "" : fileName, error));
        }
    }

    /** The reader for one parse; a seam for tests. */
    OrderFileReader reader(ZoneId zone) {
        return new OrderFileReader(zone);
    }
}
