package io.waybill.ui.internal.views;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.waybill.core.model.PackageFilters;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.StoreInfo;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filter bar of Delivery Management (issue 13 items 11 and 12): the one search box ({@code filter-text}), "all
 * statuses", store, destination country, carrier, shipping method, created from / to, SKU and tags. It turns its
 * fields into the core's {@link PackageQuery} and into / from the URL state ({@link DeliveryUrlState}); values a
 * URL names that the lists do not offer are ignored.
 */
public class DeliveryFilterBar extends Div {

    private final MultiSelectComboBox<StoreInfo> stores = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> countries = new MultiSelectComboBox<>();
    private final TextField search = new TextField();
    private final Checkbox allStatuses = new Checkbox();
    private final MultiSelectComboBox<String> carriers = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> methods = new MultiSelectComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField sku = new TextField();
    private final TextField tags = new TextField();
    private final List<Runnable> listeners = new java.util.ArrayList<>();
    /** Set while fields are filled from a URL: one change event for all of them. */
    private boolean applying;

    public DeliveryFilterBar(Locale locale, ServiceNotice notice) {
        addClassNames("wb-filters", "wb-delivery-filters");
        search.setId("filter-text");
        search.setLabel(getTranslation("filter.search"));
        search.setPlaceholder(getTranslation("filter.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(DeliveryUrlState.MAX_TEXT);
        search.addClassName("wb-search");
        search.setTooltipText(getTranslation("filter.search.tooltip"));
        allStatuses.setId("filter-all-statuses");
        allStatuses.setLabel(getTranslation("filter.allStatuses"));
        allStatuses.addClassName("wb-filter-check");
        stores.setId("filter-store");
        stores.setLabel(getTranslation("filter.store"));
        stores.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()));
        countries.setId("filter-country");
        countries.setLabel(getTranslation("filter.country"));
        countries.setItemLabelGenerator(c -> Formats.country(c, locale));
        carriers.setId("filter-carrier");
        carriers.setLabel(getTranslation("filter.carrier"));
        methods.setId("filter-method");
        methods.setLabel(getTranslation("filter.method"));
        from.setId("filter-from");
        from.setLabel(getTranslation("filter.from"));
        from.setLocale(locale);
        from.setClearButtonVisible(true);
        to.setId("filter-to");
        to.setLabel(getTranslation("filter.to"));
        to.setLocale(locale);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        sku.setId("filter-sku");
        sku.setLabel(getTranslation("filter.sku"));
        sku.setClearButtonVisible(true);
        sku.setValueChangeMode(ValueChangeMode.LAZY);
        tags.setId("filter-tags");
        tags.setLabel(getTranslation("filter.tags"));
        tags.setPlaceholder(getTranslation("filter.tags.placeholder"));
        tags.setClearButtonVisible(true);
        tags.setValueChangeMode(ValueChangeMode.LAZY);
        loadItems(notice);
        stores.addValueChangeListener(e -> changed());
        countries.addValueChangeListener(e -> changed());
        search.addValueChangeListener(e -> changed());
        allStatuses.addValueChangeListener(e -> changed());
        carriers.addValueChangeListener(e -> changed());
        methods.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        sku.addValueChangeListener(e -> changed());
        tags.addValueChangeListener(e -> changed());
        add(search, allStatuses, stores, countries, carriers, methods, from, to, sku, tags);
    }

    private void loadItems(ServiceNotice notice) {
        try {
            stores.setItems(UiServices.stores().stores());
            countries.setItems(UiServices.stores().destinationCountries());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        try {
            List<ShippingMethodInfo> all = UiServices.carriers().shippingMethods(null);
            carriers.setItems(new TreeSet<>(all.stream().map(ShippingMethodInfo::carrierId).toList()));
            methods.setItems(new TreeSet<>(all.stream().map(ShippingMethodInfo::code).toList()));
        } catch (ServiceUnavailableException e) {
            carriers.setEnabled(false);
            methods.setEnabled(false);
        }
    }

    /** Runs after any field changed (once for a whole URL state). */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        if (!applying) {
            listeners.forEach(Runnable::run);
        }
    }

    public TextField search() {
        return search;
    }

    public boolean allStatuses() {
        return allStatuses.getValue();
    }

    /** The list's query: the tab's statuses (every status with "all statuses"), the fields, the viewer's scope. */
    public PackageQuery query(Set<PackageStatus> tabStatuses, String viewer) {
        ZoneId zone = ZoneId.systemDefault();
        PackageFilters filters = PackageFilters.NONE.withCarriers(carriers.getSelectedItems())
                .withShippingMethods(methods.getSelectedItems())
                .withCreated(from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                        to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant())
                .withSku(sku.getValue()).withTags(tagSet(tags.getValue()));
        return new PackageQuery(allStatuses.getValue() ? Set.of() : tabStatuses,
                stores.getSelectedItems().stream().map(StoreInfo::code).collect(Collectors.toSet()),
                countries.getSelectedItems(), search.getValue(), viewer, filters);
    }

    /** Tags as typed: separated by commas or spaces. */
    static Set<String> tagSet(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The fields as URL state (without the sort, which the grid holds). */
    public DeliveryUrlState state() {
        return new DeliveryUrlState(search.getValue(), allStatuses.getValue(),
                stores.getSelectedItems().stream().map(StoreInfo::code).collect(Collectors.toCollection(
                        LinkedHashSet::new)),
                new LinkedHashSet<>(countries.getSelectedItems()), new LinkedHashSet<>(carriers.getSelectedItems()),
                new LinkedHashSet<>(methods.getSelectedItems()), from.getValue(), to.getValue(), sku.getValue(),
                tagSet(tags.getValue()), List.of());
    }

    /** Fills the fields from a URL state without a change event; values the lists lack are ignored. */
    public void apply(DeliveryUrlState state) {
        applying = true;
        try {
            search.setValue(state.text());
            allStatuses.setValue(state.allStatuses());
            select(stores, state.stores(), StoreInfo::code);
            select(countries, state.countries(), Function.identity());
            select(carriers, state.carriers(), Function.identity());
            select(methods, state.methods(), Function.identity());
            from.setValue(state.from());
            to.setValue(state.to());
            sku.setValue(state.sku());
            tags.setValue(String.join(", ", state.tags()));
        } finally {
            applying = false;
        }
    }

    private static <T> void select(MultiSelectComboBox<T> box, Collection<String> keys, Function<T, String> key) {
        Set<T> chosen = new LinkedHashSet<>();
        if (!keys.isEmpty()) {
            try {
                box.getListDataView().getItems().filter(i -> keys.contains(key.apply(i))).forEach(chosen::add);
            } catch (IllegalStateException e) {
                // no items (their service is down): nothing to select
            }
        }
        box.setValue(chosen);
    }
}
