package io.waybill.core.internal.customs;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CustomsDeclaration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeclarationChangesTest {

    private static PackageDeclaration.Line line(String sku, String hs, String value, int qty) {
        return new PackageDeclaration.Line(sku, "Mug", null, hs, qty, value == null ? null : new BigDecimal(value),
                value == null ? null : "USD", "CN", 350);
    }

    private static PackageDeclaration decl(CustomsDeclaration.Category c, PackageDeclaration.Line... lines) {
        return new PackageDeclaration(c, null, List.of(lines), true);
    }

    @Test
    void theSameDeclarationChangesNothing_evenWithTrailingZerosOrDotsInTheHsCode() {
        assertEquals(List.of(), DeclarationChanges.between("WB1",
                decl(null, line("A", "6912.00", "4.5", 1)), decl(null, line("A", "691200", "4.500", 1))));
    }

    @Test
    void eachChangedFieldIsOneGroup_withTheValueBeforeAndAfter() {
        List<String> changes = DeclarationChanges.between("WB1",
                decl(CustomsDeclaration.Category.MERCHANDISE, line("A", null, null, 1), line("B", "691200", "2", 1)),
                decl(CustomsDeclaration.Category.GIFT, line("A", "691200", "4.50", 2), line("B", "691200", "2", 1)));

        assertEquals(List.of("WB1", "category", "merchandise", "gift",
                "A", "hs_code", "–", "691200",
                "A", "quantity", "1", "2",
                "A", "unit_value", "–", "4.5",
                "A", "currency", "–", "USD"), changes);
        assertEquals("Customs declaration edited: WB1: category merchandise → gift, A: HS code – → 691200, "
                + "A: quantity 1 → 2, A: unit value – → 4.5, A: currency – → USD",
                new Reason(Reason.CUSTOMS_CHANGED, changes).english());
    }

    @Test
    void aDroppedLineGoesToQuantity0_andAnAddedOneComesFrom0() {
        List<String> changes = DeclarationChanges.between("WB1", decl(null, line("A", "691200", "1", 1)),
                decl(null, line("B", "691200", "1", 3)));
        assertEquals(List.of("B", "description_en", "–", "Mug", "B", "hs_code", "–", "691200", "B", "quantity", "0",
                "3", "B", "unit_value", "–", "1", "B", "currency", "–", "USD", "B", "origin", "–", "CN",
                "B", "net_weight", "–", "350", "A", "quantity", "1", "0"), changes);
    }
}
