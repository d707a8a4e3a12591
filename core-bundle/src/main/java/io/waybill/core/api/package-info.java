/**
 * Services the core offers to the UI and the shell. Every method is safe to call from any thread.
 * 1.1: {@code OrderCaptureService.updateAddress}. 1.2: {@link io.waybill.core.api.Permission}.
 * 1.3: {@link io.waybill.core.api.PrintRules}, {@link io.waybill.core.api.NotPrintableException},
 * {@code PrintService.unprintable}. 1.4: {@link io.waybill.core.api.UserService},
 * {@code PackageService.detail(long, String)} and {@code countByStatus(String)} (user scope).
 * 1.5: {@link io.waybill.core.api.ProductService}, {@code Permission.EDIT_CATALOGUE}.
 * 1.6: {@link io.waybill.core.api.WarehouseService}, {@link io.waybill.core.api.WarehouseValidator},
 * {@code Permission.MANAGE_WAREHOUSES}/{@code SET_BIN_LOCATION}.
 * 1.7: {@code StoreService} store management ({@code platforms}, {@code list}, {@code get}, {@code create},
 * {@code update}, {@code setEnabled}, {@code testConnection}), {@code Permission.MANAGE_STORES}.
 * 1.8: {@link io.waybill.core.api.SetupService} (the first-run setup checklist).
 * 1.9: {@code ShippingService.shipBatch(List, String, SupervisorApproval)} and {@code failedWeighings}.
 * 1.10: {@code StoreService.platforms(Locale)}, {@code StoreService.delete}, {@code PluginRegistry.installedTypes},
 * {@link io.waybill.core.api.PluginSettingsService}.
 * 1.11: {@link io.waybill.core.api.UserPreferenceService} (per-user UI preferences, e.g. a list's columns);
 * {@link io.waybill.core.api.RuleService} (logistics rules, issue 14).
 * 1.13: {@code Permission.EDIT_PACKAGE} (a package's customs declaration, supervisor); the ship-to address and the
 * declaration of a held package (To review) can be edited too, both until upload (the lifecycle's one rule); the
 * refusals {@code edit_locked} / {@code upload_in_progress} as structured reasons.
 * 1.14: {@code RuleService.update} (a logistics rule edited in place).
 * 1.16: {@code PackageService.countsForTabs} (tab labels: large statuses as estimates, issue 15).
 * 1.17: {@code BulkActionService} (allocate / upload / void / mark printed over a whole "select all" selection,
 * page by page by key, with progress and stop, issue 15 item 2); {@code PackageService.idsAfter} (a keyset page).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.17.0")
package io.waybill.core.api;
