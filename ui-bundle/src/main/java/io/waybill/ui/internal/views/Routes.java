package io.waybill.ui.internal.views;

import com.vaadin.flow.component.Component;

import java.util.List;

/** Every {@code @Route} class of the UI. OSGi has no annotation scanning: a new view must be added here. */
public final class Routes {

    public static final List<Class<? extends Component>> ALL = List.of(
            LoginView.class, RootView.class, DeliveryView.class, PackageDetailView.class, StockView.class, ProductsView.class,
            ImportOrdersView.class, ManualOrderView.class, ShippingMethodsView.class, PluginsView.class,
            ScanStationView.class, ShipBatchView.class, SyncStatusView.class, DeliverySettingsView.class,
            UsersView.class, WarehousesView.class, StoresView.class, SetupView.class, RulesView.class);

    private Routes() {
    }
}
