package io.waybill.ui.internal.views;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.SessionGate;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.LanguageSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Optional;

/** {@code /login}: operators sign in with their container account (AuthenticationService). */
@Route("login")
public class LoginView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Span error = new Span();
    /** The page asked for before sign-in ({@code ?next=}, checked by {@link ReturnPath}), or null. */
    private String next;

    public LoginView() {
        addClassName("wb-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        username.setId("username");
        username.setLabel(getTranslation("login.username"));
        username.setAutofocus(true);
        username.getElement().setAttribute("autocomplete", "username");
        username.setWidthFull();
        password.setId("password");
        password.setLabel(getTranslation("login.password"));
        password.getElement().setAttribute("autocomplete", "current-password");
        password.setWidthFull();

        Button submit = new Button(getTranslation("login.submit"), e -> signIn());
        submit.setId("login-button");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setWidthFull();

        error.setId("login-error");
        error.addClassName("wb-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        H1 brand = new H1(getTranslation("app.title"));
        brand.addClassName("wb-login-brand");
        Div card = new Div(brand, new Paragraph(getTranslation("login.subtitle")), username, password, error, submit);
        card.addClassName("wb-login-card");

        Div languageBar = new Div(LanguageSupport.createSwitch());
        languageBar.addClassName("wb-login-language");
        add(languageBar, card);
    }

    private void signIn() {
        String name = username.getValue() == null ? "" : username.getValue().strip();
        char[] secret = password.getValue() == null ? new char[0] : password.getValue().toCharArray();
        password.clear();
        try {
            if (name.isEmpty() || secret.length == 0) {
                showError(getTranslation("login.missing"));
                return;
            }
            Optional<UserIdentity> identity = UiServices.authentication().authenticate(name, secret);
            if (identity.isEmpty()) {
                LOG.info("Sign-in refused for user '{}'", name.replaceAll("[^\\w.@-]", "_"));
                showError(getTranslation("login.failed"));
                return;
            }
            // new session id at sign-in (session fixation); the Vaadin session moves along
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            CurrentUser.set(identity.get());
            // idle timeout by the user's highest role (io.waybill.ui.web); Vaadin closes idle sessions too
            java.time.Duration idle = UiServices.idleTimeouts().forUser(identity.get());
            VaadinSession.getCurrent().getSession().setMaxInactiveInterval((int) idle.toSeconds());
            SessionGate.signedIn(VaadinSession.getCurrent().getSession(), identity.get().name());
            LOG.info("User '{}' signed in to the web UI", identity.get().name());
            getUI().ifPresent(ui -> {
                if (next == null) {
                    ui.navigate(SetupView.startPath());
                } else {
                    Location target = new Location(next);
                    ui.navigate(target.getPath(), target.getQueryParameters());
                }
            });
        } catch (ServiceUnavailableException e) {
            showError(getTranslation("unavailable.service", e.serviceName()));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        next = event.getLocation().getQueryParameters().getSingleParameter("next").flatMap(ReturnPath::of)
                .filter(LoginView::readable).orElse(null);
    }

    private static boolean readable(String location) {
        try {
            new Location(location);
            return true;
        } catch (com.vaadin.flow.router.InvalidLocationException | IllegalArgumentException e) {
            return false;
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        password.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.login") + " · Waybill";
    }
}
