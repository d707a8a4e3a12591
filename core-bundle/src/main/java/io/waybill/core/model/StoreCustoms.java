package io.waybill.core.model;

import io.waybill.spi.carrier.CustomsDeclaration;

/**
 * A store's customs settings (报关). Since 1.10.
 *
 * @param taxIds            the shipper's tax registrations the store's declarations carry (IOSS, VOEC, EORI, VAT)
 * @param defaultCategory   the category a new declaration starts with
 * @param checkBeforeUpload whether an international package of the store is refused at upload while its
 *                          declaration has problems (a service that requires customs data is checked anyway)
 */
public record StoreCustoms(CustomsDeclaration.TaxIds taxIds, CustomsDeclaration.Category defaultCategory,
                           boolean checkBeforeUpload) {
    public StoreCustoms {
        taxIds = taxIds == null ? CustomsDeclaration.TaxIds.NONE : taxIds;
        defaultCategory = defaultCategory == null ? CustomsDeclaration.Category.MERCHANDISE : defaultCategory;
    }
}
