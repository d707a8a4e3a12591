package io.waybill.ui.internal.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.RowError;

import java.util.List;

/** What a capture did (created / updated / unchanged / flagged) and the rejected rows with reasons. */
class CaptureResultPanel extends Div {

    private final Span summary = new Span();
    private final Grid<RowError> rejected = RowErrors.grid();

    CaptureResultPanel(String idPrefix) {
        setId(idPrefix + "-result");
        addClassName("wb-card");
        addClassName("wb-result");
        summary.setId(idPrefix + "-result-summary");
        rejected.setId(idPrefix + "-rejected");
        add(summary, rejected);
        setVisible(false);
    }

    void show(CaptureResult result) {
        summary.setText(getTranslation("capture.summary", result.created(), result.updated(), result.unchanged(),
                result.flagged(), result.rejected().size()));
        summary.setClassName(result.rejected().isEmpty() ? "wb-ok" : "wb-warn");
        rejected.setItems(result.rejected());
        rejected.setVisible(!result.rejected().isEmpty());
        setVisible(true);
    }

    void clear() {
        rejected.setItems(List.of());
        setVisible(false);
    }

    /** The grid of row problems shared by the import preview and capture results. */
    static final class RowErrors {
        private RowErrors() {
        }

        static Grid<RowError> grid() {
            Grid<RowError> grid = new Grid<>();
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(e -> e.row() == 0 ? "" : String.valueOf(e.row())).setKey("row")
                    .setHeader(grid.getTranslation("import.col.row")).setWidth("5rem").setFlexGrow(0);
            grid.addColumn(io.waybill.ui.internal.i18n.Reasons::columnOf)
                    .setKey("column").setHeader(grid.getTranslation("import.col.column")).setWidth("10rem")
                    .setFlexGrow(0);
            grid.addColumn(io.waybill.ui.internal.i18n.Reasons::of).setKey("reason")
                    .setHeader(grid.getTranslation("col.reason")).setFlexGrow(1)
                    .setTooltipGenerator(io.waybill.ui.internal.i18n.Reasons::of);
            grid.setHeight("18rem");
            return grid;
        }
    }
}
