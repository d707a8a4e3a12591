package io.waybill.ui.internal;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
import io.waybill.core.api.AuthenticationService;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.DeviceService;
import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.api.PrintService;
import io.waybill.core.api.SetupService;
import io.waybill.core.api.ShippingService;
import io.waybill.core.api.SyncService;
import io.waybill.core.api.UserService;
import io.waybill.core.api.StockService;
import io.waybill.core.api.ProductService;
import io.waybill.core.api.OrderService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PluginRegistry;
import io.waybill.core.api.StoreService;
import io.waybill.core.api.WarehouseService;
import io.waybill.ui.internal.views.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Vaadin servlet of Waybill, registered on the servlet whiteboard. Runs Vaadin's servlet-container
 * initializers by hand (OSGi has no annotation scanning) and holds the core services the views use through
 * {@link UiServices}. Service references are dynamic, so the servlet stays up while core services come and go.
 */
@Component(service = Servlet.class, property = {
        "servlet.init.productionMode=true",
        // heartbeats alone never keep a session alive: it ends after the role's idle timeout (LoginView)
        "servlet.init.closeIdleSessions=true",
        "servlet.init.i18n.provider=io.waybill.ui.internal.i18n.WaybillI18NProvider"})
@HttpWhiteboardContextSelect(VaadinContextHelper.SELECT)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardServletName("waybill-ui")
@HttpWhiteboardServletAsyncSupported
public class WaybillVaadinServlet extends VaadinServlet {

    private static final Logger LOG = LoggerFactory.getLogger(WaybillVaadinServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuthenticationService authenticationService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PackageService packageService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile OrderService orderService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile StoreService storeService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PluginRegistry pluginRegistry;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.PluginSettingsService pluginSettingsService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile FulfilmentService fulfilmentService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.BulkActionService bulkActionService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile StockService stockService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ProductService productService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile WarehouseService warehouseService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile SetupService setupService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile OrderCaptureService orderCaptureService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CarrierUploadService carrierUploadService;
    /** Implemented by the print bundle, which may be absent: the print buttons are disabled then. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PrintService printService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ShippingService shippingService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DeviceService deviceService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile SyncService syncService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.PackageNotesService packageNotesService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.UserPreferenceService userPreferenceService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.ui.internal.web.WebSettings webSettings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile UserService userService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.CustomsService customsService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.RuleService ruleService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.PackageMergeService packageMergeService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile io.waybill.core.api.PackageSplitService packageSplitService;

    /** Delayed UI work (the push check); owned here and stopped with the component. */
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "waybill-ui-scheduler");
        t.setDaemon(true);
        return t;
    });

    /**
     * Batch actions, file previews and PDF rendering run here, never on a request thread: two workers, so a long
     * batch of one operator does not stall everybody else's, and the machine is not swamped.
     */
    final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "waybill-ui-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void init(ServletConfig config) throws ServletException {
        ClassLoader bundleLoader = getClass().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            ServletContext context = config.getServletContext();
            // does nothing unless LookupInitializer.class is in the set
            new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), context);
            new RouteRegistryInitializer().process(new HashSet<>(Routes.ALL), context);
            new ErrorNavigationTargetInitializer().process(
                    new HashSet<>(Set.of(RouteNotFoundError.class, InternalServerError.class)), context);
            new VaadinAppShellInitializer().process(new HashSet<>(Set.of(WaybillAppShell.class)), context);
            super.init(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        WaybillServletService service = new WaybillServletService(this, configuration);
        service.init();
        return service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            dropSessionOfOldBundle(request);
            super.service(request, response);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * After the UI bundle is updated, browsers still send the cookie of an HTTP session that holds the Vaadin
     * session built from the previous bundle's classes; Vaadin would fail with a ClassCastException (HTTP 500).
     * Such a session is invalidated, so the user simply gets a fresh one (and the login page).
     */
    private void dropSessionOfOldBundle(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            ClassLoader ours = getClass().getClassLoader();
            for (String name : Collections.list(session.getAttributeNames())) {
                Object value = session.getAttribute(name);
                if (value != null && value.getClass().getName().startsWith("com.vaadin.")
                        && value.getClass().getClassLoader() != ours) {
                    LOG.debug("Dropping HTTP session made by an earlier revision of the UI bundle");
                    session.invalidate();
                    return;
                }
            }
        } catch (IllegalStateException alreadyInvalid) {
            // nothing to drop
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
