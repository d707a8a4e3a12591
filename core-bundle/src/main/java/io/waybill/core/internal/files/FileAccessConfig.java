package io.waybill.core.internal.files;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which folders and label printers the admin commands may use (configuration PID io.waybill.files). */
@ObjectClassDefinition(name = "Waybill file and printer access", description = "Folders waybill:import may read "
        + "order files from, folders waybill:print --out may write into, and the network label printers --printer "
        + "may send ZPL to. Relative folders are inside the Karaf instance folder; several values may also be given "
        + "comma-separated.")
public @interface FileAccessConfig {

    @AttributeDefinition(name = "Import folders", description = "Folders order files are imported from (symbolic "
            + "links leading outside them are refused). Relative: inside the Karaf instance folder. Created at start.")
    String[] importFolders() default {"import"};

    @AttributeDefinition(name = "Output folders", description = "Folders PDF and ZPL files are written into. "
            + "Relative: inside the Karaf instance folder. Created at start.")
    String[] outputFolders() default {"print"};

    @AttributeDefinition(name = "Allowed label printers", description = "host:port of each network label printer "
            + "--printer may connect to (port 9100 when not given). Empty: none.", required = false)
    String[] printers() default {};
}
