package io.waybill.ui.internal.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** {@code /}: forwards to the operators' start page, Waiting for Delivery. */
@Route("")
public class RootView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("delivery/" + DeliveryTab.DEFAULT.slug());
    }
}
