package io.waybill.ui.internal;

import com.vaadin.flow.server.VaadinService;
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
import io.waybill.core.api.OrderService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PluginRegistry;
import io.waybill.core.api.ProductService;
import io.waybill.core.api.StoreService;
import io.waybill.core.api.WarehouseService;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How views reach the core services: through the servlet component of the current Vaadin service, which holds
 * dynamic OSGi references. No static state, so a restarted bundle or a replaced service is picked up on the next
 * call. A missing service raises {@link ServiceUnavailableException}, which views turn into a readable message.
 */
public final class UiServices {

    private UiServices() {
    }

    /** Idle timeouts per role ({@code io.waybill.ui.web}); the defaults while the settings component is absent. */
    public static io.waybill.ui.internal.web.IdleTimeouts idleTimeouts() {
        io.waybill.ui.internal.web.WebSettings settings = servlet().webSettings;
        return settings == null ? io.waybill.ui.internal.web.IdleTimeouts.DEFAULTS : settings.idleTimeouts();
    }

    public static AuthenticationService authentication() {
        return require(servlet().authenticationService, "AuthenticationService");
    }

    public static PackageService packages() {
        return require(servlet().packageService, "PackageService");
    }

    public static OrderService orders() {
        return require(servlet().orderService, "OrderService");
    }

    public static StoreService stores() {
        return require(servlet().storeService, "StoreService");
    }

    public static io.waybill.core.api.PluginSettingsService pluginSettings() {
        return require(servlet().pluginSettingsService, "PluginSettingsService");
    }

    public static PluginRegistry plugins() {
        return require(servlet().pluginRegistry, "PluginRegistry");
    }

    public static FulfilmentService fulfilment() {
        return require(servlet().fulfilmentService, "FulfilmentService");
    }

    /** Batch actions over a whole "select all" selection, run by the core in chunks (issue 15 item 2). */
    public static io.waybill.core.api.BulkActionService bulk() {
        return require(servlet().bulkActionService, "BulkActionService");
    }

    public static StockService stock() {
        return require(servlet().stockService, "StockService");
    }

    public static WarehouseService warehouses() {
        return require(servlet().warehouseService, "WarehouseService");
    }

    public static SetupService setup() {
        return require(servlet().setupService, "SetupService");
    }

    public static OrderCaptureService capture() {
        return require(servlet().orderCaptureService, "OrderCaptureService");
    }

    public static ProductService products() {
        return require(servlet().productService, "ProductService");
    }

    public static CarrierUploadService carriers() {
        return require(servlet().carrierUploadService, "CarrierUploadService");
    }

    public static PrintService print() {
        return require(servlet().printService, "PrintService");
    }

    public static ShippingService shipping() {
        return require(servlet().shippingService, "ShippingService");
    }

    public static DeviceService devices() {
        return require(servlet().deviceService, "DeviceService");
    }

    public static SyncService sync() {
        return require(servlet().syncService, "SyncService");
    }

    public static io.waybill.core.api.PackageNotesService packageNotes() {
        return require(servlet().packageNotesService, "PackageNotesService");
    }

    public static io.waybill.core.api.UserPreferenceService preferences() {
        return require(servlet().userPreferenceService, "UserPreferenceService");
    }

    public static io.waybill.core.api.CustomsService customs() {
        return require(servlet().customsService, "CustomsService");
    }

    public static io.waybill.core.api.RuleService rules() {
        return require(servlet().ruleService, "RuleService");
    }

    /** Merge packages of one buyer and undo it (issue 14, 审单). */
    public static io.waybill.core.api.PackageMergeService merges() {
        return require(servlet().packageMergeService, "PackageMergeService");
    }

    public static io.waybill.core.api.PackageSplitService splits() {
        return require(servlet().packageSplitService, "PackageSplitService");
    }

    public static UserService users() {
        return require(servlet().userService, "UserService");
    }

    /** Whether the print bundle is installed and running now. */
    public static boolean printAvailable() {
        try {
            return servlet().printService != null;
        } catch (ServiceUnavailableException e) {
            return false;
        }
    }

    /**
     * Background workers for batches, file checks and PDFs (never run them on the request thread). Tasks run
     * without a current Vaadin service: resolve the services they need before submitting.
     */
    public static ExecutorService workers() {
        return servlet().workers;
    }

    /** Executor for delayed UI work; stopped when the UI bundle stops. */
    public static ScheduledExecutorService scheduler() {
        return servlet().scheduler;
    }

    private static WaybillVaadinServlet servlet() {
        if (VaadinService.getCurrent() instanceof WaybillServletService service) {
            return service.getServlet();
        }
        throw new ServiceUnavailableException("VaadinService");
    }

    private static <T> T require(T service, String name) {
        if (service == null) {
            throw new ServiceUnavailableException(name);
        }
        return service;
    }

    /** A core service is not registered right now (core bundle stopped, restarting or not installed). */
    public static final class ServiceUnavailableException extends RuntimeException {
        private final String serviceName;

        public ServiceUnavailableException(String serviceName) {
            super(serviceName + " is not available");
            this.serviceName = serviceName;
        }

        public String serviceName() {
            return serviceName;
        }
    }
}
