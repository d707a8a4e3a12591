package io.waybill.ui.internal.views;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.waybill.core.model.PackageRow;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;

/**
 * On the page of a merged package (issue 14, 审单): which packages it ships for, and "Undo merge" for a user the core
 * lets change it ({@link PackageGroupCard}; the core refuses it once the package is uploaded, with its reason). Not
 * shown for a package that is no merge.
 */
final class MergeCard extends PackageGroupCard {

    MergeCard(PackageRow row, String actor, Runnable reload, boolean mayChange) {
        super("detail-merge", actor, reload, mayChange);
        List<String> members;
        try {
            members = UiServices.merges().members(row.id());
        } catch (ServiceUnavailableException e) {
            members = List.of();
        }
        if (!members.isEmpty()) {
            Span text = new Span(getTranslation("merge.shipsFor", String.join(", ", members)));
            text.setId("detail-merge-members");
            add(VaadinIcon.COMPRESS_SQUARE.create(), text);
            if (shows(true)) {
                add(undoButton("detail-merge-undo", "merge.undo", getTranslation("merge.undo.confirm",
                        row.packageNo()), UiServices::merges, merges -> merges.undoMerge(row.id(), actor),
                        restored -> getTranslation("merge.undone", row.packageNo(), restored.size())));
            }
        }
        setVisible(!members.isEmpty());
    }
}
