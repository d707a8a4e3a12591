package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.waybill.core.api.PackageMergeService;
import io.waybill.core.model.PackageRow;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;

/**
 * On the page of a merged package (issue 14, 审单): which packages it ships for, and "Undo merge" (the core refuses it
 * once the package is uploaded, with its reason). Not shown for a package that is no merge.
 */
final class MergeCard extends Div {
    private final PackageRow row;
    private final String actor;
    private final Runnable reload;

    MergeCard(PackageRow row, String actor, Runnable reload) {
        this.row = row;
        this.actor = actor;
        this.reload = reload;
        setId("detail-merge");
        addClassName("wb-info");
        List<String> members;
        try {
            members = UiServices.merges().members(row.id());
        } catch (ServiceUnavailableException e) {
            members = List.of();
        }
        if (!members.isEmpty()) {
            Span text = new Span(getTranslation("merge.shipsFor", String.join(", ", members)));
            text.setId("detail-merge-members");
            Button undo = new Button(getTranslation("merge.undo"), VaadinIcon.ARROWS_LONG_H.create(), e -> undo());
            undo.setId("detail-merge-undo");
            add(VaadinIcon.COMPRESS_SQUARE.create(), text, undo);
        }
        setVisible(!members.isEmpty());
    }

    private void undo() {
        PackageMergeService merges;
        try {
            merges = UiServices.merges();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String title = getTranslation("merge.undo");
        BatchUi.confirm(title, getTranslation("merge.undo.confirm", row.packageNo()), title,
                () -> BatchUi.work(title, () -> merges.undoMerge(row.id(), actor), restored -> {
                    BatchUi.info(getTranslation("merge.undone", row.packageNo(), restored.size()));
                    reload.run();
                }));
    }
}
