package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.waybill.core.model.PackageAction;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the merge and split cards of the package page share (issue 14, 审单): the card frame, the gate of their buttons
 * and the "Undo" flow (confirm, run off the UI thread, say what happened, reload the page). The core decides who may:
 * the buttons are shown only when it offers {@link PackageAction#MERGE_SPLIT} for the package and the user
 * ({@code Permission.MERGE_PACKAGES}, before upload), and the services refuse anyone else anyway.
 */
abstract class PackageGroupCard extends Div {
    /** The service an undo calls, and what it returns. */
    @FunctionalInterface
    interface Undo<S, T> {
        T run(S service) throws Exception;
    }

    protected final String actor;
    protected final Runnable reload;
    private final boolean mayChange;

    PackageGroupCard(String id, String actor, Runnable reload, boolean mayChange) {
        this.actor = actor;
        this.reload = reload;
        this.mayChange = mayChange;
        setId(id);
        addClassName("wb-info");
    }

    /** Whether the core lets the user split the package or undo its split or merge (the cards' one gate). */
    static boolean mayChange(Set<PackageAction> allowed) {
        return allowed != null && allowed.contains(PackageAction.MERGE_SPLIT);
    }

    /** Whether the buttons are shown: the user may ({@link #mayChange(Set)}) and the service says it applies. */
    final boolean shows(boolean applies) {
        return mayChange && applies;
    }

    /**
     * An "Undo" button: asks to confirm {@code question}, then runs {@code undo} on the service and says
     * {@code done} of its result; a refusal is shown with its reason, an absent service as such.
     */
    protected final <S, T> Button undoButton(String id, String titleKey, String question, Supplier<S> service,
                                             Undo<S, T> undo, Function<T, String> done) {
        String title = getTranslation(titleKey);
        Button button = new Button(title, VaadinIcon.ARROWS_LONG_H.create(), e -> {
            S s;
            try {
                s = service.get();
            } catch (ServiceUnavailableException ex) {
                BatchUi.error(getTranslation("unavailable.service", ex.serviceName()));
                return;
            }
            BatchUi.confirm(title, question, title, () -> BatchUi.work(title, () -> undo.run(s), result -> {
                BatchUi.info(done.apply(result));
                reload.run();
            }));
        });
        button.setId(id);
        return button;
    }
}
