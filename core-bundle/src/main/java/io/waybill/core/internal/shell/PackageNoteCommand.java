package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageNotesService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageNote;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:package-note}: adds an internal note (remark) to a package, written by the shell user. */
@Command(scope = "waybill", name = "package-note", description = "Adds an internal note to a package "
        + "(at most 1,000 characters; shown with its author and time on the package page and in package-show)")
@Service
public class PackageNoteCommand implements Action {

    @Reference
    PackageService packages;

    @Reference
    PackageNotesService notes;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Package number or tracking number")
    String number;

    @Argument(index = 1, name = "text", required = true, multiValued = true, description = "The note (words are "
            + "joined with spaces)")
    List<String> words;

    @Override
    public Object execute() {
        Long id = PackageArgs.one(packages, number, System.out).orElse(null);
        if (id == null) {
            return null;
        }
        PackageNote note = notes.addNote(id, String.join(" ", words), ShellUser.name(session));
        System.out.println("Note added to " + number + " by " + note.author() + " at " + Formats.time(note.at()));
        return null;
    }
}
