package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.waybill.core.api.PackageMergeService;
import io.waybill.core.api.Permission;
import io.waybill.core.model.MergeSuggestion;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;

/**
 * The To review tab's merge suggestions (issue 14, 审单): "these N packages of one buyer can ship together", each with
 * a Merge button for the roles that may ({@link #mayMerge}). The core decides which packages may merge ({@link PackageMergeService#suggestions}) and decides
 * again when Merge is clicked; a refusal is shown with its reason.
 */
final class MergeSuggestionsPanel extends Div {
    /** Suggestions shown at once; the rest are counted (merging one shows the next). */
    static final int SHOWN = 5;

    private final String actor;
    private final Runnable afterMerge;

    /** @param afterMerge refreshes the list around the panel after a merge */
    MergeSuggestionsPanel(String actor, Runnable afterMerge) {
        this.actor = actor;
        this.afterMerge = afterMerge;
        setId("merge-suggestions");
        addClassName("wb-info");
        setVisible(false);
    }

    /** Shows the current suggestions (hidden when there are none, or without the merge service). */
    void refresh() {
        removeAll();
        List<MergeSuggestion> found;
        try {
            found = UiServices.merges().suggestions(CurrentUser.get().map(UserIdentity::name).orElse(""));
        } catch (ServiceUnavailableException e) {
            found = List.of();
        }
        boolean mayMerge = CurrentUser.get().map(u -> mayMerge(u.roles())).orElse(false);
        // held packages first (the tab's own), then the newest; a few lines, so the list stays on screen
        found = found.stream().sorted(java.util.Comparator.comparing((MergeSuggestion s) -> s.status()
                != io.waybill.core.model.PackageStatus.HELD).thenComparing(s -> -s.packageIds().get(0))).toList();
        for (MergeSuggestion s : found.subList(0, Math.min(SHOWN, found.size()))) {
            Span text = new Span(getTranslation("merge.suggestion", s.packageIds().size(), s.buyerName(),
                    String.join(", ", s.packageNos())));
            Button merge = new Button(getTranslation("merge.action"), VaadinIcon.COMPRESS_SQUARE.create(),
                    e -> merge(s));
            merge.setId("merge-" + s.packageIds().get(0));
            merge.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            Div row = mayMerge ? new Div(text, merge) : new Div(text);
            row.addClassName("wb-merge-suggestion");
            add(row);
        }
        if (found.size() > SHOWN) {
            Span more = new Span(getTranslation("merge.more", found.size() - SHOWN));
            more.setId("merge-suggestions-more");
            more.addClassName("wb-muted");
            add(more);
        }
        setVisible(!found.isEmpty());
    }

    /**
     * Whether a holder of these roles sees the Merge buttons: the core's permission matrix
     * ({@link Permission#MERGE_PACKAGES}; the merge service refuses anyone else anyway).
     */
    static boolean mayMerge(java.util.Set<String> roles) {
        return Permission.MERGE_PACKAGES.allowedFor(roles);
    }

    private void merge(MergeSuggestion s) {
        PackageMergeService merges;
        try {
            merges = UiServices.merges();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String title = getTranslation("merge.action");
        BatchUi.work(title, () -> merges.merge(s.packageIds(), actor), merged -> {
            BatchUi.info(getTranslation("merge.done", s.packageNos().get(0), s.packageIds().size()));
            refresh();
            afterMerge.run();
        });
    }
}
