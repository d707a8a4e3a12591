package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.views.DeliveryTab.BatchAction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The To review tab's edits of one held package without leaving the list: "Edit address" opens the package page's
 * {@link AddressDialog}, "Edit declaration" its {@link DeclarationDialog} — the same dialogs and core calls
 * ({@code OrderCaptureService.updateAddress}, {@code CustomsService.save}), so the core's rule (until upload,
 * {@code EditGate}; the user's permission) decides here as there. One package at a time: with another selection the
 * operator is told so and nothing opens.
 */
final class ReviewEdits {

    private ReviewEdits() {
    }

    /** Whether the action is one of these edits. */
    static boolean handles(BatchAction action) {
        return action == BatchAction.EDIT_ADDRESS || action == BatchAction.EDIT_DECLARATION;
    }

    /**
     * Opens the action's dialog for the one selected package; {@code onSaved} refreshes the list after a save.
     *
     * @param viewer the signed-in user (the package must be in the user's scope)
     */
    static void open(BatchAction action, List<PackageRow> rows, String viewer, Runnable onSaved) {
        UI ui = UI.getCurrent();
        if (rows.size() != 1) {
            BatchUi.error(ui.getTranslation("review.oneAtATime", rows.size()));
            return;
        }
        PackageRow row = rows.get(0);
        Optional<PackageDetail> detail = UiServices.packages().detail(row.id(), viewer);
        if (detail.isEmpty()) {
            BatchUi.error(ui.getTranslation("review.gone", row.packageNo()));
            onSaved.run();
            return;
        }
        Locale locale = ui.getLocale();
        if (action == BatchAction.EDIT_ADDRESS) {
            new AddressDialog(row.id(), detail.get().shipTo(), locale, onSaved).open();
            return;
        }
        try {
            Optional<PackageDeclaration> d = UiServices.customs().declaration(row.id(), viewer);
            if (d.isEmpty()) {
                BatchUi.error(ui.getTranslation("review.gone", row.packageNo()));
                return;
            }
            new DeclarationDialog(UiServices.customs(), row.id(), row.packageNo(), d.get(), viewer, onSaved).open();
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        }
    }
}
