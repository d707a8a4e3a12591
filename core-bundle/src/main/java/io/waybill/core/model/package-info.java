/** Immutable views of Waybill's domain handed to the UI, the shell and plugins. Never JPA entities.
 * 1.2: {@link io.waybill.core.model.UserInfo}, {@code PackageQuery.viewer}. 1.3: {@link io.waybill.core.model.Product},
 * {@code ProductPage}, {@code CatalogueFormat}, {@code CatalogueImportPreview}, {@code SkuAlias}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.waybill.core.model;
