package io.waybill.ui.internal.views;

import com.vaadin.flow.component.html.Div;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

/** A readable notice ({@code id="service-unavailable"}) shown while a core service is missing. */
class ServiceNotice extends Div {

    ServiceNotice() {
        setId("service-unavailable");
        addClassName("wb-alert");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    void show(ServiceUnavailableException e) {
        setText(getTranslation("unavailable.service", e.serviceName()));
        setVisible(true);
    }

    void clear() {
        setVisible(false);
    }
}
