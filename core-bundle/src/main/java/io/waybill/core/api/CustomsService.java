package io.waybill.core.api;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.Reason;
import io.waybill.core.model.StoreCustoms;

import java.util.List;
import java.util.Optional;

/**
 * Customs declarations (报关): a package's declaration, built from its products and its order's values, editable on
 * the package page until upload and checked before upload; a store's tax ids. Since 1.12.
 */
public interface CustomsService {

    /** The package's declaration (saved edits, else built from the catalogue), or empty when the viewer cannot see
     * the package. */
    Optional<PackageDeclaration> declaration(long packageId, String viewer);

    /** The declaration of a package already read (saved edits, else built from the catalogue); no access check. */
    PackageDeclaration declarationOf(io.waybill.core.model.PackageDetail detail);

    /**
     * What is wrong with the package's declaration for its store's default shipping method: the reasons an upload
     * would be refused with (empty for a domestic package, or when neither the store nor the service checks).
     * Each reason's code is one of {@code Reason.CUSTOMS_*} or the service's ({@code service_*}).
     */
    List<Reason> problems(long packageId, String viewer);

    /**
     * Saves an edited declaration (category and lines; the tax ids stay the store's); needs
     * {@code Permission.EDIT_PACKAGE} (since 1.13). Allowed before upload, held packages included (the lifecycle's
     * one rule), while no carrier job of the package is queued or running; audited as {@code CUSTOMS_EDITED} with
     * the structured reason {@code customs_changed} listing each changed field before and after. A declaration equal
     * to the current one writes nothing. Refused with {@code edit_locked} / {@code upload_in_progress} (since 1.13,
     * before {@code illegal_state}) and with {@code invalid_declaration} for a line without a SKU, a quantity below
     * 1, a negative value, a currency or country that is not a code, text too long; nothing is written then.
     */
    PackageDeclaration save(long packageId, PackageDeclaration declaration, String actor);

    /** Drops the edits: the declaration follows the catalogue again. Refused once the package was uploaded. */
    PackageDeclaration reset(long packageId, String actor);

    /** A store's customs settings. */
    StoreCustoms storeCustoms(String storeCode, String viewer);

    /** Sets a store's customs settings; refused with {@code invalid_tax_id} for a malformed number. */
    StoreCustoms setStoreCustoms(String storeCode, StoreCustoms customs, String actor);
}
