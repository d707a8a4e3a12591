package io.waybill.ui.internal;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletService;

import java.net.MalformedURLException;
import java.net.URL;

/**
 * Vaadin service of the Waybill servlet. Looks up static resources without Vaadin's Jetty-12 check, which
 * calls {@code Path.of(url.toURI())} and fails on {@code bundle:} URLs (trap 3), uses the bundle class loader,
 * installs the login guard on every UI and ends the session of a user disabled since sign-in ({@link SessionGate}).
 */
public class WaybillServletService extends VaadinServletService {

    public WaybillServletService(WaybillVaadinServlet servlet, DeploymentConfiguration configuration) {
        super(servlet, configuration);
    }

    @Override
    public void init() throws ServiceException {
        super.init();
        addUIInitListener(event -> LoginGuard.install(event.getUI()));
    }

    /** Before Vaadin looks at the session: a session of a user disabled since sign-in ends here. */
    @Override
    public void requestStart(VaadinRequest request, VaadinResponse response) {
        super.requestStart(request, response);
        SessionGate.check(request.getWrappedSession(false), getServlet().userService);
    }

    @Override
    protected void setDefaultClassLoader() {
        setClassLoader(WaybillServletService.class.getClassLoader());
    }

    @Override
    public URL getStaticResource(String path) {
        try {
            return getServlet().getServletContext().getResource(path);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    public WaybillVaadinServlet getServlet() {
        return (WaybillVaadinServlet) super.getServlet();
    }
}
