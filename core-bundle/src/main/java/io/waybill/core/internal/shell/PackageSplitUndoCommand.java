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
import java.util.Optional;

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

    @Override
    public Object execute() {
        Optional<Long> id = packages.idsByNumber(List.of(number.strip())).values().stream().findFirst();
        if (id.isEmpty()) {
            System.out.println("Unknown package: " + number);
            return null;
        }
        String user = ShellUser.name(session);
        List<String> group = splits.group(id.get());
        long joined = splits.undoSplit(id.get(), user);
        String no = packages.detail(joined, user).map(d -> d.row().packageNo()).orElse(String.valueOf(joined));
        System.out.println("Split undone: " + String.join(", ", group.stream().filter(g -> !g.equals(no)).toList())
                + " joined back into " + no + ".");
        return null;
    }
}
