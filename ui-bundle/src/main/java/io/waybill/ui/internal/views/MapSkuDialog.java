package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.SkuAlias;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.UiServices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Map SKU" on the SKU not matched tab: pick one of the selected packages' unmatched platform SKUs (per store) and
 * the Waybill SKU it stands for. The core stores the store's alias and, in the same transaction, releases every
 * held package of that store whose lines all match then (they join Waiting for Delivery).
 */
final class MapSkuDialog extends Dialog {

    /** One store's platform SKU that is not matched. */
    record Unmatched(String storeCode, String platformSku) {
        String label() {
            return storeCode + ": " + platformSku;
        }
    }

    MapSkuDialog(List<PackageRow> rows, String actor, Runnable afterMapping) {
        setId("map-sku-dialog");
        setHeaderTitle(getTranslation("mapSku.title"));
        setWidth("34rem");

        ComboBox<Unmatched> platformSku = new ComboBox<>(getTranslation("mapSku.platformSku"));
        platformSku.setId("map-sku-platform");
        platformSku.setItems(unmatched(rows, actor));
        platformSku.setItemLabelGenerator(Unmatched::label);
        platformSku.setWidthFull();
        TextField sku = new TextField(getTranslation("mapSku.sku"));
        sku.setId("map-sku-sku");
        sku.setMaxLength(100);
        sku.setWidthFull();
        Paragraph help = new Paragraph(getTranslation("mapSku.help"));
        help.addClassName("wb-muted");
        add(help, platformSku, sku);
        if (platformSku.getListDataView().getItemCount() > 0) {
            platformSku.setValue(platformSku.getListDataView().getItem(0));
        }

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("map-sku-cancel");
        Button map = new Button(getTranslation("mapSku.map"), e -> {
            Unmatched u = platformSku.getValue();
            if (u == null) {
                platformSku.setInvalid(true);
                platformSku.setErrorMessage(getTranslation("mapSku.pickPlatformSku"));
                return;
            }
            if (sku.getValue() == null || sku.getValue().isBlank()) {
                sku.setInvalid(true);
                sku.setErrorMessage(getTranslation("mapSku.needSku"));
                return;
            }
            try {
                SkuAlias a = UiServices.products().setAlias(u.storeCode(), u.platformSku(), sku.getValue().strip(),
                        actor);
                Notification n = Notification.show(getTranslation("mapSku.done", a.platformSku(), a.sku(),
                        a.released().size(), a.stillHeld().size()));
                n.setId("map-sku-done");
                close();
                afterMapping.run();
            } catch (OperationRefusedException ex) {
                sku.setInvalid(true);
                sku.setErrorMessage(io.waybill.ui.internal.i18n.Reasons.of(ex));
            } catch (ServiceUnavailableException ex) {
                sku.setInvalid(true);
                sku.setErrorMessage(getTranslation("unavailable.service", ex.serviceName()));
            }
        });
        map.setId("map-sku-confirm");
        map.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, map);
    }

    /** The unmatched platform SKUs of the rows' packages, per store, in row order. */
    private static List<Unmatched> unmatched(List<PackageRow> rows, String actor) {
        Set<Unmatched> out = new LinkedHashSet<>();
        for (PackageRow row : rows) {
            try {
                UiServices.packages().detail(row.id(), actor).ifPresent(d -> {
                    for (PackageDetail.Line l : d.lines()) {
                        if (!l.matched()) {
                            out.add(new Unmatched(row.storeCode(), l.skuCode()));
                        }
                    }
                });
            } catch (ServiceUnavailableException e) {
                // listed without this row's SKUs
            }
        }
        return new ArrayList<>(out);
    }
}
