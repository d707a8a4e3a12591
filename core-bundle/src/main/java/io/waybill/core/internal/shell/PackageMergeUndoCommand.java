package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageMergeService;
import io.waybill.core.api.PackageService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;


/** {@code waybill:package-merge-undo}: undoes a merge before upload; the packages ship on their own again. */
@Command(scope = "waybill", name = "package-merge-undo", description = "Undoes a merge (until the merged package is "
        + "uploaded): the packages merged into it ship on their own again, with their own lines and stock")
@Service
public class PackageMergeUndoCommand implements Action {

    @Reference
    PackageMergeService merges;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "The merged package's number")
    String number;

    @Override
    public Object execute() {
        String user = ShellUser.name(session);
        PackageArgs.undo(packages, number, System.out, id -> merges.undoMerge(id, user),
                restored -> "Merge of " + number.strip() + " undone; on their own again: "
                        + String.join(", ", PackageArgs.numbers(packages, restored, user)));
        return null;
    }
}
