package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageNotesService;
import io.waybill.core.api.PackageService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.ArrayList;
import java.util.List;

/** {@code waybill:package-tag}: adds ({@code +tag}) and removes ({@code -tag}) tags of a package in one change. */
@Command(scope = "waybill", name = "package-tag", description = "Adds (+tag) and removes (-tag) tags of a package; "
        + "without changes, lists its tags. At most 10 tags of up to 30 letters, digits, '-' or '_'.")
@Service
public class PackageTagCommand implements Action {

    @Reference
    PackageService packages;

    @Reference
    PackageNotesService notes;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Package number or tracking number")
    String number;

    @Argument(index = 1, name = "changes", multiValued = true, description = "+tag to add, -tag to remove")
    List<String> changes;

    @Override
    public Object execute() {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        parse(changes, add, remove);
        Long id = PackageArgs.one(packages, number, System.out).orElse(null);
        if (id == null) {
            return null;
        }
        String user = ShellUser.name(session);
        List<String> tags = add.isEmpty() && remove.isEmpty() ? notes.tags(id, user)
                : notes.changeTags(id, add, remove, user);
        System.out.println("Tags of " + number + ": " + (tags.isEmpty() ? "none" : String.join(" ", tags)));
        return null;
    }

    /** Splits {@code +a -b} into tags to add and to remove; anything else is refused before a change. */
    static void parse(List<String> changes, List<String> add, List<String> remove) {
        for (String c : changes == null ? List.<String>of() : changes) {
            if (c.startsWith("+") && c.length() > 1) {
                add.add(c.substring(1));
            } else if (c.startsWith("-") && c.length() > 1) {
                remove.add(c.substring(1));
            } else {
                throw new OperationRefusedException("tag_invalid", "Write +tag to add a tag and -tag to remove one: "
                        + c);
            }
        }
    }
}
