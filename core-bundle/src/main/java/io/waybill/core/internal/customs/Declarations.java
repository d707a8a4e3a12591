package io.waybill.core.internal.customs;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Product;
import io.waybill.core.model.StoreCustoms;
import io.waybill.spi.carrier.CustomsDeclaration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place a package's declaration is built from its products and its order's values (pure: no database).
 * Per package line (a bundle is declared as itself, as sold): the product's customs descriptions (else its names),
 * HS code and origin; the unit value the buyer paid (the order line's price and currency), else the product's
 * declared value; the unit weight as net weight. The category is the store's; the tax ids are the store's, with
 * the order's marketplace IOSS number in place of the store's IOSS number ({@link #taxIds}).
 */
public final class Declarations {

    private Declarations() {
    }

    /**
     * The declaration of a package.
     *
     * @param detail   the package with its lines and their prices
     * @param products the catalogue by SKU (null for an unknown SKU)
     * @param store    the store's customs settings
     */
    public static PackageDeclaration build(PackageDetail detail, Function<String, Product> products,
                                           StoreCustoms store) {
        List<PackageDeclaration.Line> lines = new ArrayList<>(detail.lines().size());
        for (PackageDetail.Line l : detail.lines()) {
            Product p = l.skuCode() == null ? null : products.apply(l.skuCode());
            lines.add(line(l, p));
        }
        return new PackageDeclaration(store.defaultCategory(), taxIds(detail, store), lines, false);
    }

    /**
     * The tax ids a package's declaration carries: the store's, except that the IOSS number is the marketplace's when
     * the order has one ({@code OrderValue.marketplaceIoss}, e.g. Amazon's IossNumber): the marketplace is then the
     * deemed supplier that collected the EU import VAT, so customs must see its number, not the seller's.
     */
    public static CustomsDeclaration.TaxIds taxIds(PackageDetail detail, StoreCustoms store) {
        CustomsDeclaration.TaxIds own = store.taxIds();
        String marketplace = detail == null ? null : detail.value().marketplaceIoss();
        if (marketplace == null || marketplace.isBlank()) {
            return own;
        }
        return new CustomsDeclaration.TaxIds(marketplace, own.voec(), own.eori(), own.vat());
    }

    static PackageDeclaration.Line line(PackageDetail.Line l, Product p) {
        BigDecimal value = l.unitPrice();
        String currency = l.currency();
        if (value == null && p != null && p.declaredValue() != null) {
            value = p.declaredValue();
            currency = p.currency();
        }
        String en = p == null ? l.skuName() : p.customsDescriptionEn();
        String zh = p == null ? null : p.customsDescriptionZh();
        return new PackageDeclaration.Line(l.skuCode(), en, zh, p == null ? null : p.hsCode(),
                Math.max(1, l.quantity()), value, currency, p == null ? null : p.originCountry(),
                Math.max(0, l.weightGrams()));
    }

    /**
     * A saved declaration with the current tax ids ({@link #taxIds}: the store's and the order's marketplace IOSS;
     * never saved per package).
     */
    public static PackageDeclaration withTaxIds(PackageDeclaration saved, PackageDetail detail, StoreCustoms store) {
        return new PackageDeclaration(saved.category(), taxIds(detail, store), saved.lines(), true);
    }
}
