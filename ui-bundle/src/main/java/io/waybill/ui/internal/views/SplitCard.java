package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageSplitService;
import io.waybill.core.model.PackageDetail;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On the package page (issue 14, 审单): <b>Split</b> (a dialog listing the package's SKUs with the units to move to a
 * new package, or "By warehouse") while the core lets the package split, and, for a package of a split order, which
 * packages the order ships in and <b>Undo split</b>; the buttons only for a user the core lets change it
 * ({@link PackageGroupCard}). The core decides and refuses with its reasons (shown in the dialog, or as a notification
 * for the undo).
 */
final class SplitCard extends PackageGroupCard {
    private final PackageDetail detail;

    SplitCard(PackageDetail detail, String actor, Runnable reload, boolean mayChange) {
        super("detail-split", actor, reload, mayChange);
        this.detail = detail;
        long id = detail.row().id();
        List<String> group;
        boolean splittable;
        try {
            PackageSplitService splits = UiServices.splits();
            group = splits.group(id);
            splittable = splits.splittable(id);
        } catch (ServiceUnavailableException e) {
            group = List.of();
            splittable = false;
        }
        if (!group.isEmpty()) {
            Span text = new Span(getTranslation("split.group", String.join(", ", group)));
            text.setId("detail-split-group");
            add(VaadinIcon.SPLIT.create(), text);
            if (shows(splittable)) {
                add(undoButton("detail-split-undo", "split.undo", getTranslation("split.undo.confirm",
                        detail.row().packageNo()), UiServices::splits, splits -> splits.undoSplit(id, actor),
                        joined -> getTranslation("split.undone", number(joined))));
            }
        }
        if (shows(splittable)) {
            Button split = new Button(getTranslation("split.action"), VaadinIcon.SPLIT.create(), e -> open());
            split.setId("detail-split-open");
            add(split);
        }
        setVisible(!group.isEmpty() || shows(splittable));
    }

    private void open() {
        PackageSplitService splits;
        try {
            splits = UiServices.splits();
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return;
        }
        String packageNo = detail.row().packageNo();
        Dialog dialog = new Dialog();
        dialog.setId("split-dialog");
        dialog.setHeaderTitle(getTranslation("split.title", packageNo));
        dialog.add(new Div(new Span(getTranslation("split.hint"))));
        Map<String, Integer> carried = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (PackageDetail.Line l : detail.lines()) {
            if (l.matched()) {
                carried.merge(l.skuCode(), l.quantity(), Integer::sum);
                names.putIfAbsent(l.skuCode(), l.skuName() == null ? "" : l.skuName());
            }
        }
        Map<String, IntegerField> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : carried.entrySet()) {
            Span sku = new Span(e.getKey());
            sku.addClassName("wb-badge");
            Span what = new Span(getTranslation("split.carries", names.get(e.getKey()), e.getValue()));
            IntegerField move = new IntegerField(getTranslation("split.move"));
            move.setId("split-qty-" + e.getKey());
            move.setMin(0);
            move.setMax(e.getValue());
            move.setValue(0);
            move.setStepButtonsVisible(true);
            move.setWidth("8rem");
            Div row = new Div(sku, what, move);
            row.getStyle().set("display", "flex").set("gap", "0.75rem").set("align-items", "baseline");
            dialog.add(row);
            fields.put(e.getKey(), move);
        }
        Div error = new Div();
        error.setId("split-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(error);
        Button confirm = new Button(getTranslation("split.confirm"), e -> {
            Map<String, Integer> units = new LinkedHashMap<>();
            fields.forEach((sku, f) -> {
                if (f.getValue() != null && f.getValue() != 0) {
                    units.put(sku, f.getValue());
                }
            });
            try {
                long part = splits.splitByLines(detail.row().id(), units, actor);
                dialog.close();
                BatchUi.info(getTranslation("split.done", packageNo, number(part)));
                reload.run();
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            }
        });
        confirm.setId("split-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button byWarehouse = new Button(getTranslation("split.byWarehouse"), e -> {
            try {
                List<Long> ids = splits.splitByWarehouse(detail.row().id(), actor);
                dialog.close();
                BatchUi.info(getTranslation("split.doneByWarehouse", packageNo, String.join(", ",
                        ids.stream().map(this::number).toList())));
                reload.run();
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            }
        });
        byWarehouse.setId("split-by-warehouse");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("split-cancel");
        dialog.getFooter().add(cancel, byWarehouse, confirm);
        dialog.open();
    }

    private String number(long id) {
        try {
            return UiServices.packages().detail(id, actor).map(d -> d.row().packageNo()).orElse(String.valueOf(id));
        } catch (ServiceUnavailableException e) {
            return String.valueOf(id);
        }
    }
}
