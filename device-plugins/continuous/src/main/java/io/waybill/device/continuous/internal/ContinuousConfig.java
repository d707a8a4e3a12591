package io.waybill.device.continuous.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of one continuous-output scale (factory configuration PID {@code io.waybill.device.continuous}, one per scale). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ContinuousScale.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface ContinuousConfig {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "scale";

    @AttributeDefinition(name = "%connection.name", description = "%connection.description",
            options = {@Option(label = "Serial port", value = "serial"), @Option(label = "Network (TCP)", value = "tcp")})
    String connection() default "serial";

    @AttributeDefinition(name = "%port.name", description = "%port.description",
            required = false)
    String port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "%baudRate.name", description = "%baudRate.description",
            options = {@Option(label = "1200", value = "1200"), @Option(label = "2400", value = "2400"),
                    @Option(label = "4800", value = "4800"), @Option(label = "9600", value = "9600"),
                    @Option(label = "19200", value = "19200"), @Option(label = "38400", value = "38400"),
                    @Option(label = "57600", value = "57600"), @Option(label = "115200", value = "115200")})
    int baudRate() default 9600;

    @AttributeDefinition(name = "%dataBits.name", description = "%dataBits.description",
            options = {@Option(label = "8", value = "8"), @Option(label = "7", value = "7")})
    int dataBits() default 8;

    @AttributeDefinition(name = "%parity.name", description = "%parity.description",
            options = {@Option(label = "None", value = "NONE"), @Option(label = "Even", value = "EVEN"),
                    @Option(label = "Odd", value = "ODD")})
    String parity() default "NONE";

    @AttributeDefinition(name = "%host.name", description = "%host.description",
            required = false)
    String host() default "";

    @AttributeDefinition(name = "%tcpPort.name", description = "%tcpPort.description",
            min = "1", max = "65535")
    int tcpPort() default 4001;

    @AttributeDefinition(name = "%timeoutMs.name",
            description = "%timeoutMs.description",
            min = "100", max = "60000")
    int timeoutMs() default 2000;
}
