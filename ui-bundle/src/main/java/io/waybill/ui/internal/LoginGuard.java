package io.waybill.ui.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.waybill.ui.internal.i18n.LanguageSupport;
import io.waybill.ui.internal.views.LoginView;
import io.waybill.ui.internal.views.ReturnPath;
import io.waybill.ui.internal.views.SetupView;

/**
 * Installed on every UI: applies the session's language and sends visitors without a signed-in user to the
 * login view, with the page they asked for as {@code ?next=} (and signed-in users away from it).
 */
final class LoginGuard {

    private LoginGuard() {
    }

    static void install(UI ui) {
        LanguageSupport.applySessionLocale(ui);
        ui.addBeforeEnterListener(event -> {
            boolean signedIn = CurrentUser.get().isPresent();
            boolean toLogin = event.getNavigationTarget() == LoginView.class;
            if (!signedIn && !toLogin) {
                // a deep link opened before sign-in: the login view returns there (same-site paths only)
                String asked = event.getLocation().getPathWithQueryParameters();
                java.util.Optional<String> next = ReturnPath.of(asked);
                if (next.isPresent()) {
                    event.forwardTo("login", QueryParameters.of("next", next.get()));
                } else {
                    event.forwardTo(LoginView.class);
                }
            } else if (signedIn && toLogin) {
                event.forwardTo(SetupView.startPath());
            }
        });
    }
}
