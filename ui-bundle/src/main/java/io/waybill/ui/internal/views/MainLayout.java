package io.waybill.ui.internal.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.i18n.LanguageSupport;

/** The frame of every signed-in page: header (user, language, log out) and the side navigation. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("wb-title");
        Span spacer = new Span();
        spacer.addClassName("wb-spacer");

        Span user = new Span(CurrentUser.get().map(UserIdentity::name)
                .map(name -> getTranslation("user.signedInAs", name)).orElse(""));
        user.setId("current-user");
        user.addClassName("wb-user");

        Button logout = new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(), e -> logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button changePassword = new Button(getTranslation("password.change"), VaadinIcon.KEY.create(),
                e -> new ChangePasswordDialog().open());
        changePassword.setId("change-password-button");
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div header = new Div(new DrawerToggle(), title, spacer, user, changePassword, LanguageSupport.createSwitch(),
                logout);
        header.addClassName("wb-header");
        addToNavbar(header);

        SideNavItem delivery = new SideNavItem(getTranslation("nav.delivery"));
        delivery.setPrefixComponent(VaadinIcon.TRUCK.create());
        for (DeliveryTab tab : DeliveryTab.values()) {
            SideNavItem item = new SideNavItem(getTranslation("tab." + tab.slug()), "delivery/" + tab.slug());
            item.setId("nav-" + tab.slug());
            delivery.addItem(item);
        }
        // ui-scan: scan station, batch delivery, store sync
        SideNavItem scanNav = new SideNavItem(getTranslation("nav.scan"), ScanStationView.class,
                VaadinIcon.BARCODE.create());
        scanNav.setId("nav-scan");
        SideNavItem shipBatchNav = new SideNavItem(getTranslation("nav.shipBatch"), ShipBatchView.class,
                VaadinIcon.TRUCK.create());
        shipBatchNav.setId("nav-ship-batch");
        SideNavItem syncNav = new SideNavItem(getTranslation("nav.sync"), SyncStatusView.class,
                VaadinIcon.REFRESH.create());
        syncNav.setId("nav-sync");
        delivery.addItem(scanNav, shipBatchNav, syncNav);
        delivery.setExpanded(true);
        SideNavItem orders = new SideNavItem(getTranslation("nav.orders"));
        orders.setPrefixComponent(VaadinIcon.CART.create());
        SideNavItem importOrders = new SideNavItem(getTranslation("nav.import"), ImportOrdersView.class,
                VaadinIcon.UPLOAD.create());
        importOrders.setId("nav-import");
        SideNavItem newOrder = new SideNavItem(getTranslation("nav.newOrder"), ManualOrderView.class,
                VaadinIcon.PLUS.create());
        newOrder.setId("nav-new-order");
        orders.addItem(importOrders, newOrder);
        orders.setExpanded(true);
        SideNavItem stock = new SideNavItem(getTranslation("nav.stock"), StockView.class,
                VaadinIcon.STOCK.create());
        stock.setId("nav-stock");
        SideNavItem products = new SideNavItem(getTranslation("nav.products"), ProductsView.class,
                VaadinIcon.BARCODE.create());
        products.setId("nav-products");
        SideNavItem settings = new SideNavItem(getTranslation("nav.settings"));
        settings.setPrefixComponent(VaadinIcon.COG.create());
        SideNavItem shipping = new SideNavItem(getTranslation("nav.shipping"), ShippingMethodsView.class,
                VaadinIcon.PACKAGE.create());
        shipping.setId("nav-shipping");
        settings.addItem(shipping);
        SideNavItem rulesNav = new SideNavItem(getTranslation("nav.rules"), RulesView.class,
                VaadinIcon.SITEMAP.create());
        rulesNav.setId("nav-rules");
        settings.addItem(rulesNav);
        SideNavItem deliverySettingsNav = new SideNavItem(getTranslation("nav.deliverySettings"),
                DeliverySettingsView.class, VaadinIcon.COGS.create());
        deliverySettingsNav.setId("nav-delivery-settings");
        settings.addItem(deliverySettingsNav);
        SideNavItem warehousesNav = new SideNavItem(getTranslation("nav.warehouses"), WarehousesView.class,
                VaadinIcon.BUILDING.create());
        warehousesNav.setId("nav-warehouses");
        warehousesNav.setVisible(WarehousesView.allowed(CurrentUser.get()));
        settings.addItem(warehousesNav);
        SideNavItem storesNav = new SideNavItem(getTranslation("nav.stores"), StoresView.class,
                VaadinIcon.SHOP.create());
        storesNav.setId("nav-stores");
        storesNav.setVisible(StoresView.allowed(CurrentUser.get()));
        settings.addItem(storesNav);
        settings.setExpanded(true);
        settings.setVisible(ShippingMethodsView.allowed(CurrentUser.get())
                || WarehousesView.allowed(CurrentUser.get()) || StoresView.allowed(CurrentUser.get()));
        SideNavItem plugins = new SideNavItem(getTranslation("nav.plugins"), PluginsView.class,
                VaadinIcon.PLUG.create());
        plugins.setId("nav-plugins");
        SideNavItem usersNav = new SideNavItem(getTranslation("nav.users"), UsersView.class,
                VaadinIcon.USERS.create());
        usersNav.setId("nav-users");
        // only a hint: UsersView itself checks with the core on every visit
        usersNav.setVisible(CurrentUser.get().map(u -> u.hasRole(UserIdentity.ADMIN)).orElse(false));
        SideNavItem setupNav = new SideNavItem(getTranslation("nav.setup"), SetupView.class,
                VaadinIcon.CHECK_SQUARE_O.create());
        setupNav.setId("nav-setup");
        // admins only; SetupView checks again on every visit
        setupNav.setVisible(SetupView.allowed(CurrentUser.get()));
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        nav.addItem(setupNav, delivery, orders, products, stock, settings, plugins, usersNav);
        wrapLabels(nav.getItems());

        Div brand = new Div(new Span(getTranslation("app.tagline")));
        brand.addClassName("wb-drawer-brand");
        addToDrawer(brand, nav);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * The labels of the side navigation wrap onto a second line instead of being cut with an ellipsis (issue 13 item
     * 10): the item's own label is a bare text node that its shadow DOM does not let wrap, so it becomes a span that
     * may ({@code .wb-nav-label}). The item's text, id and link are unchanged.
     */
    private static void wrapLabels(java.util.List<SideNavItem> items) {
        for (SideNavItem item : items) {
            String label = item.getLabel();
            if (label != null && !label.isEmpty()) {
                item.setLabel(null);
                Span span = new Span(label);
                span.addClassName("wb-nav-label");
                item.getElement().appendChild(span.getElement());
            }
            wrapLabels(item.getItems());
        }
    }

    private void logout() {
        getUI().ifPresent(ui -> {
            ui.getPage().setLocation("login");
            VaadinSession session = ui.getSession();
            session.setAttribute(UserIdentity.class, null);
            session.getSession().invalidate();
        });
    }
}
