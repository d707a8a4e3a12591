package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.UserPreferenceService;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of a package list in one place: how each is sized (short fixed-format values such as numbers, dates
 * and weights as wide as their content and no wider; names such as store and buyer at least as wide as their
 * content; long lists such as SKUs sharing the rest of the width, cut with the full text as tooltip), every column
 * resizable, and which columns the user shows. The choice
 * ("Columns" menu) is kept per user in the core ({@link UserPreferenceService}, key {@code grid.<name>.hidden}: the
 * keys of the hidden columns), so it follows the user to every session and device; a column added in a later
 * version is shown until the user hides it. Columns a tab does not apply to (e.g. tracking no. before upload) are
 * hidden whatever the choice ({@link #setApplicable}).
 */
final class GridColumns<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GridColumns.class);

    private final Grid<T> grid;
    private final String preferenceKey;
    private final String user;
    private final Function<String, String> translate;
    private final Map<String, Grid.Column<T>> hideable = new LinkedHashMap<>();
    private final Map<String, MenuItem> items = new HashMap<>();
    private final Map<String, Boolean> applicable = new HashMap<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Button button = new Button();
    private final ContextMenu menu = new ContextMenu();
    private boolean remeasure = true;

    /**
     * @param name the list's name in the preference key ({@code delivery}, {@code sync}) and in the ids of the button
     *             ({@code <name>-columns}) and the menu items ({@code columns-<column key>})
     * @param user the signed-in user (null: the choice is not kept)
     */
    GridColumns(Grid<T> grid, String name, String user, Function<String, String> translate) {
        this.grid = grid;
        this.preferenceKey = "grid." + name + ".hidden";
        this.user = user;
        this.translate = translate;
        button.setText(translate.apply("columns.choose"));
        button.setIcon(VaadinIcon.TABLE.create());
        button.setId(name + "-columns");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-haspopup", "menu");
        button.getElement().setAttribute("title", translate.apply("columns.help"));
        menu.setTarget(button);
        menu.setOpenOnClick(true);
        menu.setId(name + "-columns-menu");
    }

    /** A short value of known format (numbers, codes, dates, weights): exactly as wide as its content. */
    static <T> Grid.Column<T> fit(Grid.Column<T> column) {
        return column.setAutoWidth(true).setFlexGrow(0).setResizable(true);
    }

    /** Free text (store, buyer, SKUs, reasons): at least as wide as its content, sharing the remaining width. */
    static <T> Grid.Column<T> fill(Grid.Column<T> column, int flexGrow) {
        return column.setAutoWidth(true).setFlexGrow(flexGrow).setResizable(true);
    }

    /**
     * Free text that wraps (store, buyer, destination, SKU lists, upload states, shortages): the column starts at
     * {@code width} and shares the width the fixed-format columns leave; a value longer than the column wraps onto
     * more lines instead of being cut or widening the grid past the screen (issue 13 item 10: the list fits at
     * 1440 px without scrolling sideways). The full text stays the cell's tooltip; the user may widen the column.
     */
    static <T> Grid.Column<T> wrap(Grid.Column<T> column, ValueProvider<T, String> value, String width,
                                   int flexGrow) {
        column.setRenderer(LitRenderer.<T>of("<span class=\"wb-wrap\">${item.text}</span>")
                .withProperty("text", r -> {
                    String v = value.apply(r);
                    return v == null ? "" : v;
                }));
        return column.setAutoWidth(false).setWidth(width).setFlexGrow(flexGrow).setResizable(true);
    }

    /**
     * Long, variable text that may be cut (SKU lists, upload states): a starting width, sharing what is left; its full
     * text is the cell's tooltip and the user may widen it.
     */
    static <T> Grid.Column<T> rest(Grid.Column<T> column, String width, int flexGrow) {
        return column.setAutoWidth(false).setWidth(width).setFlexGrow(flexGrow).setResizable(true);
    }

    /** Lets the user hide the column (its key is its id in the menu and the preference). */
    GridColumns<T> hideable(Grid.Column<T> column, String labelKey) {
        String key = column.getKey();
        hideable.put(key, column);
        MenuItem item = menu.addItem(translate.apply(labelKey), e -> toggle(key, e.getSource().isChecked()));
        item.setCheckable(true);
        item.setChecked(true);
        item.setKeepOpen(true);
        item.setId("columns-" + key);
        items.put(key, item);
        return this;
    }

    /** The "Columns" button opening the menu. */
    Button chooser() {
        return button;
    }

    /** Whether the column applies to what the list shows now; an inapplicable column is hidden and not offered. */
    void setApplicable(String key, boolean on) {
        applicable.put(key, on);
    }

    /** Reads the user's choice from the core; without it (core unavailable, no user) every column is shown. */
    void load() {
        hidden.clear();
        if (user != null) {
            try {
                UiServices.preferences().getList(user, preferenceKey).ifPresent(hidden::addAll);
            } catch (ServiceUnavailableException e) {
                // the list works without the choice: all columns
            } catch (RuntimeException e) {
                LOG.warn("Reading the column choice {} of {} failed", preferenceKey, user, e);
            }
        }
        hidden.retainAll(hideable.keySet());
        apply();
    }

    /**
     * Shows the applicable, not hidden columns; they are sized to their content again when the next first page of
     * rows arrives ({@link #loaded}).
     */
    void apply() {
        for (Map.Entry<String, Grid.Column<T>> e : hideable.entrySet()) {
            boolean fits = applicable.getOrDefault(e.getKey(), true);
            e.getValue().setVisible(fits && !hidden.contains(e.getKey()));
            MenuItem item = items.get(e.getKey());
            item.setVisible(fits);
            item.setChecked(!hidden.contains(e.getKey()));
        }
        remeasure();
    }

    /**
     * The rows change for a reason of the user's (another tab, another filter, other columns): size the columns to
     * the content of the next first page that has rows. A live refresh does not call this, so it never undoes a
     * column the user resized by hand.
     */
    void remeasure() {
        remeasure = true;
    }

    /**
     * Called by the view's data fetch: when a remeasure is due and the first page has rows, the browser sizes the
     * columns to them (the call runs after the rows of the same response are in the grid).
     */
    void loaded(int offset, int rows) {
        if (remeasure && offset == 0 && rows > 0) {
            remeasure = false;
            // after the rows of this response are rendered (they are set by calls queued after this one)
            grid.getElement().executeJs("const g = this; requestAnimationFrame(() => g.recalculateColumnWidths())");
        }
    }

    private void toggle(String key, boolean shown) {
        if (shown) {
            hidden.remove(key);
        } else {
            hidden.add(key);
        }
        apply();
        if (user == null) {
            return;
        }
        try {
            UiServices.preferences().putList(user, preferenceKey, List.copyOf(hidden));
        } catch (ServiceUnavailableException | OperationRefusedException e) {
            BatchUi.error(translate.apply("columns.notSaved"));
        } catch (RuntimeException e) {
            LOG.warn("Saving the column choice {} of {} failed", preferenceKey, user, e);
            BatchUi.error(translate.apply("columns.notSaved"));
        }
    }

    /** Keys of the columns the user hid (for tests and the view's logic). */
    Set<String> hidden() {
        return Set.copyOf(hidden);
    }
}
