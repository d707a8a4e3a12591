package io.waybill.core.internal.customs;

import io.waybill.core.model.OrderValue;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Product;
import io.waybill.core.model.StoreCustoms;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.common.Address;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeclarationsTest {

    static final Product CASE = new Product("CASE", "Phone case", "手机壳", List.of(), 50, null, null, null, null,
            new BigDecimal("3.00"), "USD", "392690", "CN", null, false, false, false, false, true, List.of(),
            "Plastic phone case", "塑料手机壳");
    static final Product CABLE = new Product("CABLE", "USB cable", null, List.of(), 30, null, null, null, null,
            new BigDecimal("1.50"), "USD", "854442", "VN", null, false, false, false, false, true);

    @Test
    void linesTakeTheProductsCustomsDataAndTheOrdersPrices() {
        PackageRow row = new PackageRow(7, "WB7", "O7", "S1", "Store", "csv", "Buyer", "DE", "CASE x2", 130,
                Instant.EPOCH, PackageStatus.ALLOCATED, null);
        Address to = new Address("B", null, "l", null, "Berlin", null, "10115", "DE", null, null);
        PackageDetail d = new PackageDetail(row, "P7", false, to, List.of(
                new PackageDetail.Line("CASE", "Phone case", 2, 50, new BigDecimal("4.99"), "EUR"),
                new PackageDetail.Line("CABLE", "USB cable", 1, 30),
                new PackageDetail.Line("GHOST", "Unknown thing", 1, 0, null, null, false)),
                null, 0, List.of(), List.of(), null, null, OrderValue.NONE);
        StoreCustoms store = new StoreCustoms(new CustomsDeclaration.TaxIds("IM2760000123", null, null, null),
                CustomsDeclaration.Category.GIFT, true);

        PackageDeclaration decl = Declarations.build(d, Map.of("CASE", CASE, "CABLE", CABLE)::get, store);

        assertEquals(new PackageDeclaration(CustomsDeclaration.Category.GIFT, store.taxIds(), List.of(
                // the price the buyer paid, the customs descriptions
                new PackageDeclaration.Line("CASE", "Plastic phone case", "塑料手机壳", "392690", 2,
                        new BigDecimal("4.99"), "EUR", "CN", 50),
                // no price on the order line: the catalogue's declared value; no customs names: the names
                new PackageDeclaration.Line("CABLE", "USB cable", null, "854442", 1, new BigDecimal("1.50"), "USD",
                        "VN", 30),
                // an unknown SKU: its name as sold, nothing else
                new PackageDeclaration.Line("GHOST", "Unknown thing", null, null, 1, null, null, null, 0)), false),
                decl);
        assertEquals(new BigDecimal("11.48"), decl.total());
        assertEquals(null, decl.currency());
        assertEquals(3, decl.items().size());
        assertEquals("392690", decl.items().get(0).hsCode());
        assertEquals("塑料手机壳", decl.items().get(0).descriptionZh());
        assertEquals(CustomsDeclaration.Category.GIFT, decl.spi().category());
        assertEquals("IM2760000123", decl.spi().taxIds().ioss());
    }

    @Test
    void theOrdersMarketplaceIossReplacesTheStores_theOtherIdsStay() {
        PackageRow row = new PackageRow(8, "WB8", "O8", "S1", "Store", "amazon", "Buyer", "FR", "CASE x1", 90,
                Instant.EPOCH, PackageStatus.ALLOCATED, null);
        Address to = new Address("B", null, "l", null, "Paris", null, "75001", "FR", null, null);
        List<PackageDetail.Line> lines = List.of(new PackageDetail.Line("CASE", "Phone case", 1, 50,
                new BigDecimal("9.99"), "EUR"));
        OrderValue withIoss = new OrderValue(null, null, "EUR", null, null, null, "IM4420000001");
        PackageDetail marketplace = new PackageDetail(row, "P8", false, to, lines, null, 0, List.of(), List.of(), null,
                null, withIoss);
        PackageDetail plain = new PackageDetail(row, "P8", false, to, lines, null, 0, List.of(), List.of(), null,
                null, OrderValue.NONE);
        StoreCustoms store = new StoreCustoms(new CustomsDeclaration.TaxIds("IM2760000123", "1234567",
                "DE123456789", "DE123456789"), CustomsDeclaration.Category.MERCHANDISE, true);
        StoreCustoms none = new StoreCustoms(null, null, true);

        assertEquals(new CustomsDeclaration.TaxIds("IM4420000001", "1234567", "DE123456789", "DE123456789"),
                Declarations.build(marketplace, Map.of("CASE", CASE)::get, store).taxIds());
        assertEquals(new CustomsDeclaration.TaxIds("IM4420000001", "", "", ""),
                Declarations.build(marketplace, Map.of("CASE", CASE)::get, none).taxIds());
        assertEquals(store.taxIds(), Declarations.build(plain, Map.of("CASE", CASE)::get, store).taxIds());
        assertEquals(CustomsDeclaration.TaxIds.NONE, Declarations.build(plain, Map.of("CASE", CASE)::get, none)
                .taxIds());
        PackageDeclaration saved = new PackageDeclaration(CustomsDeclaration.Category.GIFT, null, List.of(), true);
        assertEquals("IM4420000001", Declarations.withTaxIds(saved, marketplace, store).taxIds().ioss());
        assertEquals("IM2760000123", Declarations.withTaxIds(saved, plain, store).taxIds().ioss());
    }
}
