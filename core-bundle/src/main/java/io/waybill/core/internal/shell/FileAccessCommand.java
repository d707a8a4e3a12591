package io.waybill.core.internal.shell;

import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.internal.files.FileAccessRules;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code waybill:file-access}: the folders and label printers the commands may use (configuration io.waybill.files). */
@Command(scope = "waybill", name = "file-access", description = "Shows the import folders, the output folders and "
        + "the allowed label printers (configuration io.waybill.files)")
@Service
public class FileAccessCommand implements Action {

    @Reference
    FileAccess files;

    @Override
    public Object execute() {
        FileAccessRules rules = files.rules();
        System.out.println("Import folders: " + join(rules.importFolders()));
        System.out.println("Output folders: " + join(rules.outputFolders()));
        System.out.println("Label printers: " + (rules.printers().isEmpty() ? "none"
                : String.join(", ", rules.printers())));
        return null;
    }

    private static String join(List<Path> folders) {
        return folders.isEmpty() ? "none" : folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
