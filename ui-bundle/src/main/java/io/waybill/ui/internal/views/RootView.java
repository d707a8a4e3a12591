package io.waybill.ui.internal.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * {@code /}: forwards to the user's start page ({@link SetupView#startPath}: the setup checklist or Waiting for
 * Delivery).
 */
@Route("")
public class RootView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(SetupView.startPath());
    }
}
