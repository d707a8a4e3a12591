/** Immutable views of Waybill's domain handed to the UI, the shell and plugins. Never JPA entities.
 * 1.2: {@link io.waybill.core.model.UserInfo}, {@code PackageQuery.viewer}. 1.3: {@link io.waybill.core.model.Product},
 * {@code ProductPage}, {@code CatalogueFormat}, {@code CatalogueImportPreview}, {@code SkuAlias}.
 * 1.4: {@link io.waybill.core.model.Warehouse}, {@link io.waybill.core.model.WarehouseKind}, {@code WarehouseInfo.address}.
 * 1.5: {@link io.waybill.core.model.OrderValue}, {@code PackageDetail.value}, {@code PackageDetail.Line.unitPrice}
 * and {@code currency}; {@link io.waybill.core.model.ProductComponent}, {@code Product.components},
 * {@code PackageDetail.Line.components} (bundles / kits); {@link io.waybill.core.model.Store},
 * {@link io.waybill.core.model.StoreDraft}, {@link io.waybill.core.model.PlatformType},
 * {@link io.waybill.core.model.SettingField}, {@link io.waybill.core.model.ConnectionTest}.
 * 1.6: {@link io.waybill.core.model.SetupChecklist}.
 * 1.7: {@link io.waybill.core.model.SupervisorApproval}, {@link io.waybill.core.model.WeighingFailure}.
 * 1.8: {@code ConnectionTest} as a structured outcome ({@code params}, {@code detail}); {@code Store.defaultShippingMethod},
 * {@code PluginType}, {@code PluginAccount}.
 * 1.9: {@link io.waybill.core.model.Reason} (reasons as code + params); {@code AuditEntry.reasonCode} /
 * {@code reasonParams}; {@code BatchResult.Failure.params}; {@link io.waybill.core.model.Weights} (the one weight
 * format); {@code LogisticsRule}, {@code RuleDryRun} (issue 14);
 * {@link io.waybill.core.model.PackageFilters}, {@code PackageQuery.filters}, the wider {@code PackageQuery.text}.
 * 1.11: {@code PackageAction.EDIT_ADDRESS} / {@code EDIT_DECLARATION} / {@code RELEASE}; the reasons {@code address_corrected},
 * {@code customs_changed}, {@code edit_locked}, {@code upload_in_progress} and the {@code {n,field}} argument.
 * 1.15: {@code OrderValue.buyerNote}, the split reasons. 1.16: an order's problems as reasons ({@code order_*}),
 * {@code OrderCheck.Problem.structured}; the reason {@code rule_decisions}: everything the logistics rules did to a
 * package in one history row.
 * 1.17: an order file's row problems as the file plugin reports them ({@code row_*}, {@link
 * io.waybill.core.model.Reason#ofFileRow}, {@link io.waybill.core.model.Reason#leftOut}); the sync reasons
 * {@code sync_partial_unmatched} / {@code sync_partial_not_splittable}; {@code PackageAction.MERGE_SPLIT}; the reasons
 * {@code split_undo_uploaded} and {@code split_undo_released} (undo split until upload, at different steps too);
 * {@code ListCount.exact}, {@code ListCount.plus} (tab labels as estimates, issue 15).
 * 1.18: why an order file cannot be read as data ({@code file_*} reasons of the order files, {@link
 * io.waybill.core.model.Reason#ofFile}: the file plugin's SPI platform 1.7 codes and params, and the core's own
 * {@code file_empty}, {@code file_size}, {@code file_no_parser}).
 * 1.19: {@code Reason.RULES_MERGE_UNDONE} / {@code RULES_SPLIT_UNDONE} (the rules applied again by themselves after an
 * undo) and {@code RULE_KEPT_WAREHOUSE} / {@code RULE_KEPT_SHIPPING_METHOD} (an assignment by hand they kept).
 * 1.20: {@code BulkRun} (a batch action over a whole "select all" selection, run by the core in chunks with
 * progress); the reasons {@code bulk_running}, {@code bulk_chunk_failed} and {@code bulk_read_failed}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.20.0")
package io.waybill.core.model;
