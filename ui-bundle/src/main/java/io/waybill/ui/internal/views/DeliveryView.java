package io.waybill.ui.internal.views;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.StoreInfo;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /delivery/waiting}: packages in status WAITING, read page by page from PackageService, filtered by
 * store, destination country and free text; sortable; multi-select for batch actions.
 */
@Route(value = "delivery/waiting", layout = MainLayout.class)
public class WaitingForDeliveryView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<PackageRow> grid = new Grid<>();
    private final MultiSelectComboBox<StoreInfo> storeFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> countryFilter = new MultiSelectComboBox<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Span selected = new Span();
    private final ServiceNotice notice = new ServiceNotice();
    private PackageQuery query = PackageQuery.status(PackageStatus.WAITING);

    public WaitingForDeliveryView() {
        addClassName("wb-page");
        setSizeFull();
        Locale locale = getLocale();

        H2 heading = new H2(getTranslation("waiting.title"));
        count.setId("package-count");
        count.addClassName("wb-badge");
        selected.setId("selection-count");
        selected.addClassName("wb-muted");
        Div titleRow = new Div(heading, count, selected);
        titleRow.addClassName("wb-title-row");

        storeFilter.setId("filter-store");
        storeFilter.setLabel(getTranslation("filter.store"));
        storeFilter.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()));
        countryFilter.setId("filter-country");
        countryFilter.setLabel(getTranslation("filter.country"));
        countryFilter.setItemLabelGenerator(c -> Formats.country(c, locale));
        search.setId("filter-text");
        search.setLabel(getTranslation("filter.search"));
        search.setPlaceholder(getTranslation("filter.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        loadFilterItems();

        storeFilter.addValueChangeListener(e -> applyFilters());
        countryFilter.addValueChangeListener(e -> applyFilters());
        search.addValueChangeListener(e -> applyFilters());
        Div filters = new Div(storeFilter, countryFilter, search);
        filters.addClassName("wb-filters");

        grid.setId("packages-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setMultiSort(true);
        // widths in rem (header cells have a smaller font, em would misalign them); fits 1280 px with the drawer
        column(PackageRow::packageNo, "packageNo", "col.packageNo", PackageSort.Field.PACKAGE_NO, "8rem", 0);
        column(PackageRow::orderNo, "orderNo", "col.orderNo", PackageSort.Field.ORDER_NO, "8.5rem", 0);
        column(r -> Formats.store(r.storeName(), r.platform()), "store", "col.store", PackageSort.Field.STORE,
                "9rem", 1);
        column(PackageRow::buyerName, "buyer", "col.buyer", PackageSort.Field.BUYER, "8rem", 1);
        column(r -> Formats.country(r.countryCode(), locale), "country", "col.country", PackageSort.Field.COUNTRY,
                "8rem", 1);
        column(PackageRow::skuSummary, "skus", "col.skus", null, "8rem", 2);
        column(r -> Formats.weight(r.expectedWeightGrams(), locale), "weight", "col.weight", PackageSort.Field.WEIGHT,
                "6.5rem", 0).setTextAlign(ColumnTextAlign.END);
        column(r -> Formats.dateTime(r.createdAt(), ZoneId.systemDefault()), "created", "col.created",
                PackageSort.Field.CREATED, "9rem", 0);
        grid.setEmptyStateText(getTranslation("waiting.empty"));
        grid.setItems(q -> fetch(q.getOffset(), q.getLimit(), PackageSorts.from(q.getSortOrders())),
                q -> (int) Math.min(Integer.MAX_VALUE, countPackages()));
        grid.addSelectionListener(e -> updateSelected(e.getAllSelectedItems().size()));
        grid.setSizeFull();

        add(titleRow, notice, filters, grid);
        setFlexGrow(1, grid);
        updateCount();
        updateSelected(0);
    }

    private Grid.Column<PackageRow> column(ValueProvider<PackageRow, String> value, String key, String header,
                                           PackageSort.Field sort, String width, int flexGrow) {
        Grid.Column<PackageRow> column = grid.addColumn(value).setKey(key).setHeader(getTranslation(header))
                .setWidth(width).setFlexGrow(flexGrow).setResizable(true).setTooltipGenerator(value::apply);
        if (sort != null) {
            column.setSortProperty(sort.name());
        }
        return column;
    }

    private void loadFilterItems() {
        try {
            storeFilter.setItems(UiServices.stores().stores());
            countryFilter.setItems(UiServices.stores().destinationCountries());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private Stream<PackageRow> fetch(int offset, int limit, List<PackageSort> sort) {
        try {
            return UiServices.packages().find(query, offset, Math.min(limit, 1000), sort).stream();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return Stream.empty();
        }
    }

    private long countPackages() {
        try {
            return UiServices.packages().count(query);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return 0;
        }
    }

    private void applyFilters() {
        query = PackageQuery.status(PackageStatus.WAITING)
                .withStores(storeFilter.getSelectedItems().stream().map(StoreInfo::code).collect(Collectors.toSet()))
                .withCountries(countryFilter.getSelectedItems())
                .withText(search.getValue());
        grid.getDataProvider().refreshAll();
        grid.deselectAll();
        updateCount();
    }

    private void updateCount() {
        try {
            long n = UiServices.packages().count(query);
            notice.clear();
            count.setText(getTranslation("waiting.count", n));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            count.setText("–");
        }
    }

    private void updateSelected(int n) {
        selected.setText(n == 0 ? "" : getTranslation("waiting.selected", n));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("waiting.title") + " · Waybill";
    }
}
