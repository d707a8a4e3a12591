package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.PackageSplitService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:package-split-undo}: joins a split package back before upload (issue 14, 审单). */
@Command(scope = "waybill", name = "package-split-undo", description = "Undoes a split (until one of its packages is "
        + "uploaded): the packages split off join the package they came from, with their lines and stock")
@Service
public class PackageSplitUndoCommand implements Action {

    @Reference
    PackageSplitService splits;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Any package of the split")
    String number;

    /** What the undo did: the packages of the split before it, and the one they joined. */
    private record Joined(List<String> group, long into) {
    }

    @Override
    public Object execute() {
        String user = ShellUser.name(session);
        PackageArgs.undo(packages, number, System.out, id -> new Joined(splits.group(id), splits.undoSplit(id, user)),
                j -> {
                    String no = PackageArgs.numbers(packages, List.of(j.into()), user).get(0);
                    return "Split undone: " + String.join(", ", j.group().stream().filter(g -> !g.equals(no))
                            .toList()) + " joined back into " + no + ".";
                });
        return null;
    }
}
