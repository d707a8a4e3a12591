package io.waybill.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reason as data: a stable {@link #code} and the values its sentence names ({@link #params}: SKU codes, warehouse
 * codes, carrier ids, grams, supervisor names...), so a user interface renders it in the user's language (ui-bundle
 * {@code reasontext.<code>} in its message bundles) and the shell and logs print {@link #english()}. This class is
 * the one place where the codes and their English sentences are defined. Since 1.9.
 *
 * <p>A code in {@link #LISTS} takes its params in groups (e.g. {@code [sku, missing, sku, missing]}): each group is
 * one item of a list, rendered with the item sentence and joined.
 *
 * @param code   one of the constants below
 * @param params the values, in the order of the sentence's placeholders {@code {0}}, {@code {1}}...
 */
public record Reason(String code, List<String> params) {

    // history reasons (WB_AUDIT_EVENT.REASON_CODE)
    /** Allocated from a warehouse: [warehouse code]. */
    public static final String WAREHOUSE = "warehouse";
    /** The SKUs an allocation was short of: [sku, missing, sku, missing...]. */
    public static final String SHORTAGES = "shortages";
    /** Queued for a carrier: [carrier id]. */
    public static final String CARRIER = "carrier";
    /** Queued for a carrier's service: [carrier id, service code]. */
    public static final String CARRIER_SERVICE = "carrier_service";
    /** The carrier accepted the shipment: [carrier id]. */
    public static final String CARRIER_ACCEPTED = "carrier_accepted";
    /** A tracking number arrived: [tracking no., carrier id]. */
    public static final String TRACKING_NUMBER = "tracking_number";
    /** A tracking number arrived with the carrier's warnings: [tracking no., carrier id, carrier's text]. */
    public static final String TRACKING_NUMBER_WARNINGS = "tracking_number_warnings";
    /** The carrier's label was stored: [format, carrier id, bytes]. */
    public static final String LABEL_STORED = "label_stored";
    /** The carrier's label is fetched again: [carrier id]. */
    public static final String LABEL_REQUESTED = "label_requested";
    /** The carrier's label could not be fetched: [carrier's text]. */
    public static final String LABEL_FAILED = "label_failed";
    /** Shipped after a passing weighing: [measured g, expected g, tolerance g]. Weights are grams in the params and
     * {@code {n,weight}} in the sentences: shown in kg with three decimals ({@link Weights}). */
    public static final String WEIGHED = "weighed";
    /** Shipped at the scan station on a supervisor's authority: [supervisor, measured g, expected g, tolerance g,
     * reason]. */
    public static final String WEIGHT_OVERRIDE = "weight_override";
    /** As {@link #WEIGHT_OVERRIDE} without a weight: [supervisor, expected g, tolerance g, reason]. */
    public static final String WEIGHT_OVERRIDE_UNWEIGHED = "weight_override_unweighed";
    /** Shipped by batch delivery without weighing: []. */
    public static final String BATCH_NOT_WEIGHED = "batch_not_weighed";
    /** Shipped by batch delivery on a supervisor's authority after a failed weighing: [supervisor, last weighed g,
     * expected g, tolerance g, reason]. */
    public static final String BATCH_WEIGHT_OVERRIDE = "batch_weight_override";
    /** The marketplace cancelled the order after capture: []. */
    public static final String PLATFORM_CANCELLED = "platform_cancelled";
    /** The marketplace changed the ship-to address: []. */
    public static final String ADDRESS_UPDATED = "address_updated";
    /** The marketplace changed the order lines: []. */
    public static final String LINES_UPDATED = "lines_updated";
    /** The marketplace changed the lines after allocation, not applied: []. */
    public static final String LINES_CHANGE_REFUSED = "lines_change_refused";
    /** The marketplace changed the order's value: []. */
    public static final String VALUE_UPDATED = "value_updated";
    /** The shipment was confirmed to the store: [store code, carrier code, tracking no.]. */
    public static final String SYNC_CONFIRMED = "sync_confirmed";
    /** A sync waits for the store's marketplace plugin: [platform id, store code]. */
    public static final String SYNC_WAITING = "sync_waiting";
    /** A package of a split order was not confirmed: the marketplace order has no line left for one of its items
     * (plugin code {@code partial_unmatched}): [store code, tracking no., the plugin's text]. */
    public static final String SYNC_PARTIAL_UNMATCHED = "sync_partial_unmatched";
    /** A package of a split order was not confirmed: the marketplace cannot take it as a partial shipment (plugin code
     * {@code partial_not_splittable}): [store code, tracking no., the plugin's text]. */
    public static final String SYNC_PARTIAL_NOT_SPLITTABLE = "sync_partial_not_splittable";

    /** Captured with platform SKUs not matched to a product: [platform SKUs, comma-separated]. */
    public static final String SKU_UNMATCHED = "sku_unmatched";
    /** As {@link #LINES_UPDATED}, with unmatched platform SKUs: [platform SKUs, comma-separated]. */
    public static final String LINES_UPDATED_UNMATCHED = "lines_updated_unmatched";
    /** A platform SKU was mapped and every line now matches: [platform SKU, SKU]. */
    public static final String SKU_MAPPED = "sku_mapped";
    /** A platform SKU was mapped and others still do not match: [platform SKU, SKU, platform SKUs still unmatched]. */
    public static final String SKU_MAPPED_STILL_HELD = "sku_mapped_still_held";
    /** Created by the demo data: []. */
    public static final String DEMO_DATA = "demo_data";

    // customs declaration problems (CustomsService.problems, upload refusals; since 1.10)
    /** History: an operator saved the package's declaration: [category, lines, total, currency]. */
    public static final String CUSTOMS_EDITED = "customs_edited";
    /**
     * History: a user changed the package's declaration (since 1.11), one item per change:
     * [subject, field, before, after, ...] where the subject is the line's SKU (or the package no. for the
     * category), the field a {@code {n,field}} key ({@link #fieldName}) and a missing value {@code –}.
     */
    public static final String CUSTOMS_CHANGED = "customs_changed";
    /** History: a user corrected the ship-to address: [field, field, ...] ({@code {n,field}} keys). Since 1.11. */
    public static final String ADDRESS_CORRECTED = "address_corrected";
    /** History: the declaration follows the catalogue again: []. */
    public static final String CUSTOMS_RESET = "customs_reset";
    /** The declaration has no lines: []. */
    public static final String CUSTOMS_NO_LINES = "customs_no_lines";
    /** A line has no HS code: [sku]. */
    public static final String CUSTOMS_HS_MISSING = "customs_hs_missing";
    /** A line's HS code is not 6 to 10 digits: [sku, HS code]. */
    public static final String CUSTOMS_HS_MALFORMED = "customs_hs_malformed";
    /** A line has no English description: [sku]. */
    public static final String CUSTOMS_DESCRIPTION_MISSING = "customs_description_missing";
    /** EU destination, declared total up to EUR 150 and the store has no IOSS number: [country, total, currency]. */
    public static final String CUSTOMS_IOSS_MISSING = "customs_ioss_missing";
    /** EU destination, a total in another currency than EUR and no IOSS number: [country, total, currency]. */
    public static final String CUSTOMS_IOSS_UNVERIFIABLE = "customs_ioss_unverifiable";
    /** The declared total is 0: [currency]. */
    public static final String CUSTOMS_TOTAL_ZERO = "customs_total_zero";
    /** The lines are declared in several currencies: [currencies, comma-separated]. */
    public static final String CUSTOMS_CURRENCY_MIXED = "customs_currency_mixed";
    // a carrier service that cannot take a package (io.waybill.spi.carrier.CarrierService's codes and params)
    /** [service, country]. */
    public static final String SERVICE_DESTINATION = "service_destination";
    /** [service, weight g, max g]. */
    public static final String SERVICE_WEIGHT = "service_weight";
    /** [service, value, currency, max value, max currency]. */
    public static final String SERVICE_VALUE = "service_value";
    /** [service, max value, max currency]. */
    public static final String SERVICE_VALUE_UNKNOWN = "service_value_unknown";
    /** [service, currency, max currency]. */
    public static final String SERVICE_VALUE_CURRENCY = "service_value_currency";
    /** [service, kinds]. */
    public static final String SERVICE_DANGEROUS_GOODS = "service_dangerous_goods";
    /** [service]. */
    public static final String SERVICE_CUSTOMS_DATA = "service_customs_data";
    /** [service, currency, accepted currencies]. */
    public static final String SERVICE_CURRENCY = "service_currency";
    /** [service, lines, max lines]. */
    public static final String SERVICE_CUSTOMS_LINES = "service_customs_lines";
    // logistics rules (issue 14): each decision with the rule that made it (position from 1, name)
    /** A rule assigned the warehouse: [warehouse code, rule position, rule name]. Since 1.10. */
    public static final String RULE_WAREHOUSE = "rule_warehouse";
    /** A rule assigned the shipping method: [carrier, service, rule position, rule name]. Since 1.10. */
    public static final String RULE_SHIPPING_METHOD = "rule_shipping_method";
    /** A rule held the package for review: [the rule's reason, rule position, rule name]. Since 1.10. */
    public static final String RULE_HOLD = "rule_hold";
    /** A rule added a tag: [tag, rule position, rule name]. Since 1.10. */
    public static final String RULE_TAG = "rule_tag";
    /** A rule was skipped, its warehouse unknown or disabled: [warehouse code, rule position, rule name]. */
    public static final String RULE_WAREHOUSE_UNKNOWN = "rule_warehouse_unknown";
    /** A rule was skipped, its carrier does not offer the service: [carrier, service, rule position, rule name]. */
    public static final String RULE_SERVICE_UNKNOWN = "rule_service_unknown";
    /**
     * A rule was skipped because the carrier service it assigns cannot take the package (SPI carrier 1.2
     * {@code CarrierService} refusal codes, prefixed {@code rule_}); params: the refusal's, then rule position and
     * name. Since 1.10.
     */
    public static final String RULE_SERVICE_DESTINATION = "rule_service_destination";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, weight g, max g, position, name]. */
    public static final String RULE_SERVICE_WEIGHT = "rule_service_weight";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, value, currency, max, max currency, position, name]. */
    public static final String RULE_SERVICE_VALUE = "rule_service_value";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, max, max currency, position, name]. */
    public static final String RULE_SERVICE_VALUE_UNKNOWN = "rule_service_value_unknown";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, currency, max currency, position, name]. */
    public static final String RULE_SERVICE_VALUE_CURRENCY = "rule_service_value_currency";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, kinds, position, name]. */
    public static final String RULE_SERVICE_DANGEROUS_GOODS = "rule_service_dangerous_goods";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, position, name]. */
    public static final String RULE_SERVICE_CUSTOMS_DATA = "rule_service_customs_data";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, currency, accepted currencies, position, name]. */
    public static final String RULE_SERVICE_CURRENCY = "rule_service_currency";
    /** See {@link #RULE_SERVICE_DESTINATION}: [service, lines, max lines, position, name]. */
    public static final String RULE_SERVICE_CUSTOMS_LINES = "rule_service_customs_lines";
    /**
     * Everything the logistics rules did to a package in one run, as ONE history row: [the items, {@link #encode}d]
     * where each item is one of the reasons above ({@link #RULE_WAREHOUSE}, {@link #RULE_SHIPPING_METHOD},
     * {@link #RULE_HOLD}, {@link #RULE_TAG} with their rule; a rule skipped because its action was refused, with why;
     * {@link #RULES_RELEASED}), rendered joined ({@code {0,reasons}}). Rows written before 1.15 hold one item each.
     * Since 1.15.
     */
    public static final String RULE_DECISIONS = "rule_decisions";
    /** Re-applied rules no longer hold the package: []. Since 1.10. */
    public static final String RULES_RELEASED = "rules_released";
    /** The rules ran again by themselves because the merge was undone (first item of the row): []. Since 1.18. */
    public static final String RULES_MERGE_UNDONE = "rules_merge_undone";
    /** The rules ran again by themselves because the split was undone (first item of the row): []. Since 1.18. */
    public static final String RULES_SPLIT_UNDONE = "rules_split_undone";
    /**
     * Rules applied again by themselves kept the warehouse assigned by hand (not by the rules' last run):
     * [warehouse code]. Since 1.18.
     */
    public static final String RULE_KEPT_WAREHOUSE = "rule_kept_warehouse";
    /** The same for the shipping method assigned by hand: [carrier, service]. Since 1.18. */
    public static final String RULE_KEPT_SHIPPING_METHOD = "rule_kept_shipping_method";
    /** Released from review by a user: []. Since 1.10. */
    public static final String HOLD_RELEASED = "hold_released";
    /** The package is held for review (To review): [package no., the status it was to move to]. Since 1.10. */
    public static final String HELD_FOR_REVIEW = "held_for_review";
    /** An upload a restart interrupted at a carrier that cannot deduplicate: its outcome is unknown. Since 1.12. */
    public static final String UPLOAD_INTERRUPTED = "upload_interrupted";

    // failure reasons (BatchResult.Failure.params)
    /** Not allocated, short of stock: [sku, missing, sku, missing...]. */
    public static final String OUT_OF_STOCK = "out_of_stock";

    // refusals (OperationRefusedException.reason(), BatchResult.Failure.params); {n,status} is a PackageStatus name,
    // {n,verb} the status a package was to move to, rendered as what that move does ("voided", "uploaded to a carrier")
    /** The package has left the warehouse: [package no., its status, the status it was to move to]. */
    public static final String ALREADY_SHIPPED = "already_shipped";
    /** The package is voided: [package no., the status it was to move to]. */
    public static final String ALREADY_VOIDED = "already_voided";
    /** The package's status does not allow the move: [package no., its status, the status it was to move to]. */
    public static final String ILLEGAL_STATE = "illegal_state";
    /** No package has the id: [package id]. */
    public static final String UNKNOWN_PACKAGE_ID = "unknown_package";
    /**
     * The package was uploaded (or is past upload): its address or declaration no longer changes: [package no., its
     * status, what ({@code {n,field}} key: ship_to, declaration)]. Since 1.11.
     */
    public static final String EDIT_LOCKED = "edit_locked";
    /** An upload of the package is queued or running: [package no., what ({@code {n,field}} key)]. Since 1.11. */
    public static final String UPLOAD_IN_PROGRESS = "upload_in_progress";
    // merge (issue 14, 审单; since 1.13)
    /** History of the merged package: packages merged into it: [package nos., comma-separated]. */
    public static final String MERGED_FROM = "merged_from";
    /** History of a package merged into another: [the merged package's no.]. */
    public static final String MERGED_INTO = "merged_into";
    /** History: a merge was undone: [the packages that ship on their own again, comma-separated]. */
    public static final String MERGE_UNDONE = "merge_undone";
    /** Refusal: fewer than two packages to merge: []. */
    public static final String MERGE_TOO_FEW = "merge_too_few";
    /** Refusal: two packages of different stores, buyers or ship-to addresses: [package no., package no.]. */
    public static final String MERGE_MISMATCH = "merge_mismatch";
    /** Refusal: two packages at different steps: [package no., its status, package no., its status]. */
    public static final String MERGE_STEP = "merge_step";
    /** Refusal: two packages allocated in different warehouses: [package no., warehouse, package no., warehouse]. */
    public static final String MERGE_WAREHOUSE = "merge_warehouse";
    /** Refusal: the package is a merge already: [package no.]. */
    public static final String MERGE_NESTED = "merge_nested";
    /** Refusal: the package's customs declaration was edited: [package no.]. */
    public static final String MERGE_DECLARATION = "merge_declaration";
    /** Refusal of "Undo merge": the package is no merge: [package no.]. */
    public static final String NOT_MERGED = "not_merged";
    /** Refusal: the package carries part of a split order: [package no.]. Since 1.15. */
    public static final String MERGE_SPLIT = "merge_split";
    // split (issue 14, 审单; since 1.15)
    /** History of the package split: [the units moved, "SKU x2, ..."; the package(s) they ship in now]. */
    public static final String SPLIT_OFF = "split_off";
    /** History of a package split off another: [the package it came from; the units it carries]. */
    public static final String SPLIT_FROM = "split_from";
    /** History of a package split off another by warehouse: [the package it came from; the units; warehouse]. */
    public static final String SPLIT_FROM_WAREHOUSE = "split_from_warehouse";
    /** History of the package a split was undone on: [the packages joined back into it, comma-separated]. */
    public static final String SPLIT_UNDONE = "split_undone";
    /** History of a package joined back into the one it was split off (it is voided): [that package]. */
    public static final String SPLIT_JOINED = "split_joined";
    /** Refusal: nothing to move: []. */
    public static final String SPLIT_EMPTY = "split_empty";
    /** Refusal: a SKU / quantity the package does not carry: [package no., SKU, units it carries, units asked]. */
    public static final String SPLIT_BAD_LINE = "split_bad_line";
    /** Refusal: every unit would move: [package no.]. */
    public static final String SPLIT_ALL = "split_all";
    /** Refusal: the package is a merge: [package no.]. */
    public static final String SPLIT_MERGED = "split_merged";
    /** Refusal: the package waits for unmatched SKUs: [package no.]. */
    public static final String SPLIT_UNMATCHED = "split_unmatched";
    /** Refusal of a split by warehouse: one warehouse can serve everything: [package no., warehouse]. */
    public static final String SPLIT_NOT_NEEDED = "split_not_needed";
    /** Refusal of a split by warehouse: a line no warehouse has: [package no., "SKU x2, ..."]. */
    public static final String SPLIT_NO_STOCK = "split_no_stock";
    /** Refusal of a split by warehouse: the package holds stock in a warehouse already: [package no., warehouse]. */
    public static final String SPLIT_ALLOCATED = "split_allocated";
    /** Refusal of "Undo split": the package is not split: [package no.]. */
    public static final String NOT_SPLIT = "not_split";
    /**
     * Refusal of "Undo split" until 1.16 (packages at different steps; since 1.17 they are joined back, see
     * {@link #SPLIT_UNDO_RELEASED}): [package no., status, warehouse, package no., status, warehouse].
     */
    public static final String SPLIT_UNDO_MISMATCH = "split_undo_mismatch";
    /**
     * Refusal of "Undo split": a package of the split has been uploaded to a carrier (also when voided since):
     * [package no. of the split, that package's no., its status]. Since 1.17.
     */
    public static final String SPLIT_UNDO_UPLOADED = "split_undo_uploaded";
    /**
     * History of a package of a split whose reservation "Undo split" released (its packages were at different steps;
     * the joined package is allocated again as a whole): [units released, warehouse]. Since 1.17.
     */
    public static final String SPLIT_UNDO_RELEASED = "split_undo_released";
    /** Another change of the package came first: [package no.]. */
    public static final String CONCURRENT_CHANGE = "concurrent_change";
    /**
     * A batch action over a whole selection ({@link BulkRun}) was refused because another run of the same action is
     * still going: [its run number, who started it]. Since 1.18.
     */
    public static final String BULK_RUNNING = "bulk_running";
    /**
     * A package of a whole-selection run whose chunk failed on the server (nothing of that chunk's transaction was
     * written; the run went on with the next chunk): [package no.]. Since 1.18.
     */
    public static final String BULK_CHUNK_FAILED = "bulk_chunk_failed";
    /**
     * A whole-selection run ended early because its selection could not be read further (the server log says why):
     * [the last package id handled]. What was done stays done. Since 1.18.
     */
    public static final String BULK_READ_FAILED = "bulk_read_failed";

    // refusals an operator meets in delivery management (issue 13 item 9; since 1.11): every one as data
    /** The package waits for an unmatched SKU: [package no., the status it was to move to]. */
    public static final String HELD_SKU_UNMATCHED = "held_sku_unmatched";
    /** The package is already queued for the move: [package no., the status it is queued to move to]. */
    public static final String ALREADY_QUEUED = "already_queued";
    /** No shipping method for the upload: [package no.]. */
    public static final String NO_SHIPPING_METHOD = "no_shipping_method";
    /** The upload's carrier plugin is not installed: [carrier id, package no.]. */
    public static final String CARRIER_MISSING = "carrier_missing";
    /** Tracking refreshed for a package not waiting for one: [package no., its status]. */
    public static final String NOT_PENDING = "not_pending";
    /** Rules applied to a package past allocation: [package no., its status]. */
    public static final String RULES_NOT_APPLICABLE = "rules_not_applicable";
    /** Release from review of a package not held: [package no., its status]. */
    public static final String NOT_HELD = "not_held";
    /** Sync of a package already synchronised: [package no.]. */
    public static final String ALREADY_SYNCED = "already_synced";
    /** Sync of a package not shipped yet: [package no.]. */
    public static final String NOT_SHIPPED = "not_shipped";
    /** Sync for a store whose marketplace plugin is missing: [store code, platform id]. */
    public static final String PLUGIN_MISSING = "plugin_missing";
    /**
     * An upload refused for its customs declaration: [package no., the problems ({@link #encode(List)}: customs_*
     * and service_* reasons, each rendered in the sentence's language)]; {@code {n,reasons}} in the sentences.
     */
    public static final String CUSTOMS_NOT_READY = "customs_not_ready";
    /** The customs declaration cannot change any more: [package no., its status]. */
    public static final String CUSTOMS_LOCKED = "customs_locked";
    /** The customs declaration cannot change while an upload is queued: [package no.]. */
    public static final String CUSTOMS_LOCKED_QUEUED = "customs_locked_queued";
    /** The supervisor's credentials are wrong: []. */
    public static final String SUPERVISOR_AUTH_FAILED = "supervisor_auth_failed";
    /** The user who approved is not a supervisor: [user]. */
    public static final String NOT_SUPERVISOR = "not_supervisor";
    /** A supervisor's approval is required and none was given: []. */
    public static final String SUPERVISOR_REQUIRED = "supervisor_required";

    // the scan station's refusals (ScanResult.reason; since 1.11). ScanResult.code stays the scan's own code
    /** Nothing was scanned: []. */
    public static final String EMPTY_SCAN = "empty_scan";
    /** No package has the scanned package or tracking number: [scanned]. */
    public static final String SCAN_UNKNOWN = "scan_unknown";
    /** The scanned package has shipped: [package no.]. */
    public static final String SCAN_ALREADY_SHIPPED = "scan_already_shipped";
    /** The scanned package is voided: [package no.]. */
    public static final String VOIDED = "voided";
    /** The scanned package has no label printed: [package no., its status]. */
    public static final String NOT_PRINTED = "not_printed";
    /** Batch delivery of a package whose last weighing failed: [package no., measured g, expected g, tolerance g]. */
    public static final String WEIGHING_FAILED = "weighing_failed";

    // a scale's status (SPI device 1.1 DeviceStatus codes, prefixed scale_; since 1.11); "where" is the port or host
    /** [scale name, the settings' problem]. */
    public static final String SCALE_BAD_SETTINGS = "scale_bad_settings";
    /** [where, ms]. */
    public static final String SCALE_BUSY = "scale_busy";
    /** [where]. */
    public static final String SCALE_INTERRUPTED = "scale_interrupted";
    /** [where, the transport's reason]. */
    public static final String SCALE_OPEN_FAILED = "scale_open_failed";
    /** [where, command, ms]. */
    public static final String SCALE_NO_ANSWER = "scale_no_answer";
    /** [where, ms]. */
    public static final String SCALE_NO_FRAME = "scale_no_frame";
    /** [where, ms, the part received]. */
    public static final String SCALE_PARTIAL_FRAME = "scale_partial_frame";
    /** [where, what came]. */
    public static final String SCALE_UNREADABLE = "scale_unreadable";
    /** [where]. */
    public static final String SCALE_CONNECTION_LOST = "scale_connection_lost";
    /** [where, error]. */
    public static final String SCALE_INTERNAL_ERROR = "scale_internal_error";
    /** [where, command]. */
    public static final String SCALE_NOT_UNDERSTOOD = "scale_not_understood";
    /** [where, command]. */
    public static final String SCALE_GARBLED = "scale_garbled";
    /** [where, command, answer]. */
    public static final String SCALE_UNEXPECTED_ANSWER = "scale_unexpected_answer";
    /** [command]. */
    public static final String SCALE_CANNOT_EXECUTE = "scale_cannot_execute";
    /** []. */
    public static final String SCALE_OVERLOAD = "scale_overload";
    /** []. */
    public static final String SCALE_UNDERLOAD = "scale_underload";
    /** []. */
    public static final String SCALE_NOT_STABLE = "scale_not_stable";
    /** []. */
    public static final String SCALE_NO_STABLE_WEIGHT = "scale_no_stable_weight";
    /** []. */
    public static final String SCALE_BUSY_NO_WEIGHT = "scale_busy_no_weight";
    /** No scale with the key is configured: [key]. */
    public static final String SCALE_UNKNOWN = "scale_unknown";
    /** The scale plugin failed: [error]. */
    public static final String SCALE_PLUGIN_FAILED = "scale_plugin_failed";

    // form-input checks (since 1.13): a form's several problems as nested reasons ({n,reasons}), each translated
    /** A customs declaration edit refused: [the problems, {@link #encode(List)} of decl_* reasons]. */
    public static final String INVALID_DECLARATION = "invalid_declaration";
    /** No declaration was given: []. */
    public static final String DECL_NONE = "decl_none";
    /** The declaration has no line: []. */
    public static final String DECL_NO_LINES = "decl_no_lines";
    /** [line (number, and the SKU in brackets when given)]. */
    public static final String DECL_SKU_REQUIRED = "decl_sku_required";
    /** [line]. */
    public static final String DECL_SKU_TOO_LONG = "decl_sku_too_long";
    /** [line, field key ({@code {n,field}}), max characters]. */
    public static final String DECL_TEXT_TOO_LONG = "decl_text_too_long";
    /** [line, field key]. */
    public static final String DECL_TEXT_CONTROL = "decl_text_control";
    /** [line, HS code]. */
    public static final String DECL_HS_TOO_LONG = "decl_hs_too_long";
    /** [line]. */
    public static final String DECL_QUANTITY = "decl_quantity";
    /** [line, unit value]. */
    public static final String DECL_UNIT_VALUE = "decl_unit_value";
    /** [line, currency]. */
    public static final String DECL_CURRENCY = "decl_currency";
    /** [line]. */
    public static final String DECL_VALUE_NO_CURRENCY = "decl_value_no_currency";
    /** [line, origin]. */
    public static final String DECL_ORIGIN = "decl_origin";
    /** [line]. */
    public static final String DECL_NET_WEIGHT = "decl_net_weight";
    /** A store's tax numbers refused: [the problems, {@link #encode(List)} of tax_*_malformed reasons]. */
    public static final String INVALID_TAX_ID = "invalid_tax_id";
    /** [IOSS number]. */
    public static final String TAX_IOSS_MALFORMED = "tax_ioss_malformed";
    /** [VOEC number]. */
    public static final String TAX_VOEC_MALFORMED = "tax_voec_malformed";
    /** [EORI number]. */
    public static final String TAX_EORI_MALFORMED = "tax_eori_malformed";
    /** [VAT number]. */
    public static final String TAX_VAT_MALFORMED = "tax_vat_malformed";
    /** A void, adjustment or override without its reason: []. */
    public static final String REASON_REQUIRED = "reason_required";
    /** [length, max]. */
    public static final String REASON_TOO_LONG = "reason_too_long";
    /** []. */
    public static final String REASON_INVALID = "reason_invalid";

    // a catalogue file's problems (since 1.13)
    /** [English column names, Chinese column names]. */
    public static final String CATALOGUE_NOT_A_COLUMN = "catalogue_not_a_column";
    /** []. */
    public static final String CATALOGUE_HEADER_TWICE = "catalogue_header_twice";
    /** []. */
    public static final String CATALOGUE_NO_HEADER = "catalogue_no_header";
    /** [value, first row]. */
    public static final String CATALOGUE_ALSO_IN_ROW = "catalogue_also_in_row";
    /** [sku]. */
    public static final String CATALOGUE_SKU_EXISTS = "catalogue_sku_exists";
    /** [sku, the stored sku]. */
    public static final String CATALOGUE_SKU_CASE = "catalogue_sku_case";
    /** [barcode, owner sku]. */
    public static final String CATALOGUE_BARCODE_OWNED = "catalogue_barcode_owned";
    /** []. */
    public static final String CATALOGUE_NO_ROWS = "catalogue_no_rows";
    /** [sku]. */
    public static final String CATALOGUE_UNKNOWN_SKU = "catalogue_unknown_sku";
    // a product's problems (catalogue import rows, the product form; since 1.13), each without its field
    /** A product refused: [field, one problem ({@link #encode(List)} of one product_* reason), field, problem...]; a list code. */
    public static final String INVALID_PRODUCT = "invalid_product";
    /** []. */
    public static final String PRODUCT_REQUIRED = "product_required";
    /** A problem known only as its English words: [text]. */
    public static final String PRODUCT_TEXT = "product_text";
    /** [max characters]. */
    public static final String PRODUCT_TOO_LONG = "product_too_long";
    /** [U+XXXX]. */
    public static final String PRODUCT_CONTROL = "product_control";
    /** [sku]. */
    public static final String PRODUCT_SKU_SPACES = "product_sku_spaces";
    /** [barcode]. */
    public static final String PRODUCT_LISTED_TWICE = "product_listed_twice";
    /** [barcode]. */
    public static final String PRODUCT_BARCODE_TOO_LONG = "product_barcode_too_long";
    /** [barcode]. */
    public static final String PRODUCT_BARCODE_ASCII = "product_barcode_ascii";
    /** [barcode, digits]. */
    public static final String PRODUCT_BARCODE_LENGTH = "product_barcode_length";
    /** [barcode, kind (EAN-13...), expected check digit]. */
    public static final String PRODUCT_BARCODE_CHECK = "product_barcode_check";
    /** []. */
    public static final String PRODUCT_WEIGHT_REQUIRED = "product_weight_required";
    /** [value]. */
    public static final String PRODUCT_NEGATIVE_GRAMS = "product_negative_grams";
    /** [value]. */
    public static final String PRODUCT_NOT_POSITIVE_GRAMS = "product_not_positive_grams";
    /** [value]. */
    public static final String PRODUCT_NOT_POSITIVE_MM = "product_not_positive_mm";
    /** [value, max]. */
    public static final String PRODUCT_TOO_MANY_GRAMS = "product_too_many_grams";
    /** [value, max]. */
    public static final String PRODUCT_TOO_MANY_MM = "product_too_many_mm";
    /** [value]. */
    public static final String PRODUCT_VALUE_NEGATIVE = "product_value_negative";
    /** [value]. */
    public static final String PRODUCT_VALUE_TOO_LARGE = "product_value_too_large";
    /** [value]. */
    public static final String PRODUCT_VALUE_DECIMALS = "product_value_decimals";
    /** []. */
    public static final String PRODUCT_CURRENCY_REQUIRED = "product_currency_required";
    /** [currency]. */
    public static final String PRODUCT_CURRENCY = "product_currency";
    /** [HS code]. */
    public static final String PRODUCT_HS_CODE = "product_hs_code";
    /** [country]. */
    public static final String PRODUCT_ORIGIN = "product_origin";
    /** [max, given]. */
    public static final String PRODUCT_COMPONENTS_MAX = "product_components_max";
    /** []. */
    public static final String PRODUCT_COMPONENT_NO_SKU = "product_component_no_sku";
    /** [sku]. */
    public static final String PRODUCT_COMPONENT_ITSELF = "product_component_itself";
    /** [sku, quantity]. */
    public static final String PRODUCT_COMPONENT_QUANTITY = "product_component_quantity";
    /** [sku, quantity, max]. */
    public static final String PRODUCT_COMPONENT_QUANTITY_MAX = "product_component_quantity_max";
    /** [sku]. */
    public static final String PRODUCT_COMPONENT_TWICE = "product_component_twice";
    /** [sku]. */
    public static final String PRODUCT_COMPONENT_UNKNOWN = "product_component_unknown";
    /** [the part as written, its quantity]. */
    public static final String PRODUCT_COMPONENT_QUANTITY_TEXT = "product_component_quantity_text";
    /** [max levels, the path A > B > C]. */
    public static final String PRODUCT_NESTING = "product_nesting";
    /** [sku, the path]. */
    public static final String PRODUCT_CYCLE = "product_cycle";
    /** [sku, where it holds stock ({@link #encode(List)} of product_stock_held)]. */
    public static final String PRODUCT_BUNDLE_STOCK = "product_bundle_stock";
    /** [on hand, reserved, warehouse]. */
    public static final String PRODUCT_STOCK_HELD = "product_stock_held";
    /** [value]. */
    public static final String PRODUCT_NOT_NUMBER = "product_not_number";
    /** [value]. */
    public static final String PRODUCT_NOT_WHOLE = "product_not_whole";
    /** [value]. */
    public static final String PRODUCT_NOT_FLAG = "product_not_flag";

    // an order's problems (OrderValidator: the manual order form, order-file rows, captured orders; since 1.15), each
    // without its field: the form shows it at the field, a file's row error names it in its column ({n,column})
    /** []. */
    public static final String ORDER_REQUIRED = "order_required";
    /** [country]. */
    public static final String ORDER_REQUIRED_FOR = "order_required_for";
    /** [length, max characters]. */
    public static final String ORDER_TOO_LONG = "order_too_long";
    /** [U+XXXX, position]. */
    public static final String ORDER_CONTROL = "order_control";
    /** [U+XXXX, position]. */
    public static final String ORDER_BIDI = "order_bidi";
    /** []. */
    public static final String ORDER_NO_LINES = "order_no_lines";
    /** [max lines]. */
    public static final String ORDER_TOO_MANY_LINES = "order_too_many_lines";
    /** [sku]. */
    public static final String ORDER_UNKNOWN_SKU = "order_unknown_sku";
    /** [quantity]. */
    public static final String ORDER_QUANTITY_NOT_POSITIVE = "order_quantity_not_positive";
    /** [quantity, sku]. */
    public static final String ORDER_QUANTITY_NOT_POSITIVE_SKU = "order_quantity_not_positive_sku";
    /** [max, quantity]. */
    public static final String ORDER_QUANTITY_TOO_LARGE = "order_quantity_too_large";
    /** [currency]. */
    public static final String ORDER_CURRENCY_NOT_PAYABLE = "order_currency_not_payable";
    /** [currency, sku]. */
    public static final String ORDER_CURRENCY_NOT_PAYABLE_SKU = "order_currency_not_payable_sku";
    /** [currency]. */
    public static final String ORDER_CURRENCY_UNKNOWN = "order_currency_unknown";
    /** [currency, sku]. */
    public static final String ORDER_CURRENCY_UNKNOWN_SKU = "order_currency_unknown_sku";
    /** []. */
    public static final String ORDER_PRICE_NO_CURRENCY = "order_price_no_currency";
    /** [sku]. */
    public static final String ORDER_PRICE_NO_CURRENCY_SKU = "order_price_no_currency_sku";
    /** [the line's currency, the order's]. */
    public static final String ORDER_LINE_CURRENCY = "order_line_currency";
    /** [the line's currency, the order's, sku]. */
    public static final String ORDER_LINE_CURRENCY_SKU = "order_line_currency_sku";
    /** [the line's currency, an earlier line's]. */
    public static final String ORDER_LINES_CURRENCY = "order_lines_currency";
    /** [the line's currency, an earlier line's, sku]. */
    public static final String ORDER_LINES_CURRENCY_SKU = "order_lines_currency_sku";
    /** [amount]. */
    public static final String ORDER_AMOUNT_NEGATIVE = "order_amount_negative";
    /** [amount, sku]. */
    public static final String ORDER_AMOUNT_NEGATIVE_SKU = "order_amount_negative_sku";
    /** [amount]. */
    public static final String ORDER_AMOUNT_TOO_LARGE = "order_amount_too_large";
    /** [amount, sku]. */
    public static final String ORDER_AMOUNT_TOO_LARGE_SKU = "order_amount_too_large_sku";
    /** [amount, currency, its decimals]. */
    public static final String ORDER_AMOUNT_DECIMALS = "order_amount_decimals";
    /** [amount, currency, its decimals, sku]. */
    public static final String ORDER_AMOUNT_DECIMALS_SKU = "order_amount_decimals_sku";
    /** [amount]: more than 4 decimals (no currency). */
    public static final String ORDER_AMOUNT_SCALE = "order_amount_scale";
    /** [amount, sku]. */
    public static final String ORDER_AMOUNT_SCALE_SKU = "order_amount_scale_sku";
    /** []. */
    public static final String ORDER_TOTAL_NO_CURRENCY = "order_total_no_currency";
    /** []. */
    public static final String ORDER_SHIPPING_NO_CURRENCY = "order_shipping_no_currency";
    /** [total, shipping paid]. */
    public static final String ORDER_TOTAL_BELOW_SHIPPING = "order_total_below_shipping";
    /** [phone]. */
    public static final String ORDER_PHONE = "order_phone";
    /** [e-mail]. */
    public static final String ORDER_EMAIL = "order_email";
    /** [kg, max kg]. */
    public static final String ORDER_TOO_HEAVY = "order_too_heavy";
    /** []. */
    public static final String ORDER_ADDRESS_MISSING = "order_address_missing";
    /** [country]. */
    public static final String ORDER_COUNTRY = "order_country";
    /** [postal code, country]. */
    public static final String ORDER_POSTAL_CODE = "order_postal_code";
    /** [the characters, e.g. "𝕳 (U+1D573), ..."]. */
    public static final String ORDER_UNPRINTABLE = "order_unprintable";
    /** [the first five characters, how many more]. */
    public static final String ORDER_UNPRINTABLE_MORE = "order_unprintable_more";
    // the catalogue's save-time clashes (ProductService.create / update; since 1.15): [column, the clash
    // ({@link #encode(List)} of one catalogue_* or product_* reason naming the clashing SKU, barcode or component)]
    /** The SKU is taken: [column, clash]. */
    public static final String DUPLICATE_SKU = "duplicate_sku";
    /** A barcode belongs to another product: [column, clash]. */
    public static final String DUPLICATE_BARCODE = "duplicate_barcode";
    /** A bundle's components do not hold together: [column, clash]. */
    public static final String INVALID_BUNDLE = "invalid_bundle";
    /** An order-file line whose SKU matches no product: [sku, order no.]. */
    public static final String ORDER_SKU_HELD = "order_sku_held";
    /**
     * Allocation refused: a bundle of the package contains itself (through other bundles): [package no.]. The
     * failure code of the allocation's cycle check (before 1.16 {@code invalid_bundle} with English only). Since 1.16.
     */
    public static final String BUNDLE_CYCLE = "bundle_cycle";
    /**
     * The column of a rejected marketplace capture's problem: [order no. ({@code ?} when it has none), field key
     * ({@code {n,column}})]. Since 1.16.
     */
    public static final String CAPTURE_ORDER_FIELD = "capture_order_field";
    // the conflicts of an import's orders (OrderConflicts, since 1.16); {n,rows} is the rows of an order, the row
    // numbers comma-separated ({@link #rows}); the other orders are a nested list reason ({n,reasons})
    /** One order given as separate orders: [order no., platform order id, other orders ({@link #CONFLICT_ORDERS}),
     * rows]. */
    public static final String CONFLICT_SAME_ORDER = "conflict_same_order";
    /** Two order numbers share a platform order id: [platform order id, order no., other orders, rows]. */
    public static final String CONFLICT_PLATFORM_ID = "conflict_platform_id";
    /** Two platform order ids share an order number: [order no., platform order id, other orders
     * ({@link #CONFLICT_ORDERS_WITH_ID}), rows]. */
    public static final String CONFLICT_ORDER_NO = "conflict_order_no";
    /** The other orders, a list of [order no., rows]. */
    public static final String CONFLICT_ORDERS = "conflict_orders";
    /** The other orders, a list of [order no., rows, platform order id]. */
    public static final String CONFLICT_ORDERS_WITH_ID = "conflict_orders_with_id";
    /** The platform order id is stored under another order number: [platform order id, store, stored order no.,
     * order no. of the file, rows]. */
    public static final String CONFLICT_STORED_PLATFORM_ID = "conflict_stored_platform_id";
    /** As {@link #CONFLICT_STORED_PLATFORM_ID} with the stored order's package: [..., rows, package no.]. */
    public static final String CONFLICT_STORED_PLATFORM_ID_PACKAGE = "conflict_stored_platform_id_package";
    /** The order number is stored for another platform order id: [order no., store, stored platform order id,
     * platform order id of the file, rows]. */
    public static final String CONFLICT_STORED_ORDER_NO = "conflict_stored_order_no";
    /** As {@link #CONFLICT_STORED_ORDER_NO} with the stored order's package: [..., rows, package no.]. */
    public static final String CONFLICT_STORED_ORDER_NO_PACKAGE = "conflict_stored_order_no_package";

    // refusals thrown with a message only until 1.15, now as data
    /**
     * An address correction refused: [field, one problem ({@link #encode(List)} of one order_* reason), field,
     * problem...]; a list code.
     */
    public static final String INVALID_ADDRESS = "invalid_address";
    /** No store has the code: [store code]. */
    public static final String UNKNOWN_STORE = "unknown_store";
    /** No store was given: []. */
    public static final String STORE_REQUIRED = "store_required";
    /** A file cannot be read: [the problem ({@link #encode(List)} of one file_* reason)]. */
    public static final String UNREADABLE_FILE = "unreadable_file";
    /** The order-file plugin cannot read the file: [the plugin's own words]. */
    public static final String FILE_PLUGIN = "file_plugin";
    /** [file name]. */
    public static final String FILE_NOT_CSV_XLSX = "file_not_csv_xlsx";
    /** []. */
    public static final String FILE_NOT_UTF8 = "file_not_utf8";
    /** [row]. */
    public static final String FILE_OPEN_QUOTE = "file_open_quote";
    /** [the reader's words]. */
    public static final String FILE_NOT_XLSX = "file_not_xlsx";
    /** []. */
    public static final String FILE_NO_HEADER = "file_no_header";
    /** [the missing columns, comma-separated]. */
    public static final String FILE_MISSING_COLUMNS = "file_missing_columns";
    // why an order file cannot be read at all, as the file plugin reports it (SPI platform 1.7 OrderFileParser codes
    // and Message.params, mapped by ofFile; since 1.18) or the core finds it; a number in decimal digits
    /** The file has no content: []. */
    public static final String FILE_EMPTY = "file_empty";
    /** The first line, the header row's, is empty: []. */
    public static final String FILE_HEADER_EMPTY = "file_header_empty";
    /** [size in MB with one decimal, the largest size in MB]. */
    public static final String FILE_SIZE = "file_size";
    /** [the most data rows]. */
    public static final String FILE_ROWS = "file_rows";
    /** Not UTF-8: [the byte as 0xD5, its offset, its line]. */
    public static final String FILE_ENCODING = "file_encoding";
    /** A UTF-16 file (byte order mark) that is not UTF-16: [the byte, its offset]. */
    public static final String FILE_ENCODING_UTF16 = "file_encoding_utf16";
    /** Cut off in the middle of a character: [UTF-8 or UTF-16, the offset]. */
    public static final String FILE_ENCODING_TRUNCATED = "file_encoding_truncated";
    /** UTF-16 without a byte order mark: [UTF-16LE or UTF-16BE]. */
    public static final String FILE_ENCODING_UTF16_NO_BOM = "file_encoding_utf16_no_bom";
    /** The header lacks required columns: [the columns ({@link #encode(List)} of {@link #FILE_COLUMN_NAMES}), the
     * header's fields as found]. */
    public static final String FILE_COLUMNS_MISSING = "file_columns_missing";
    /** One missing column: [canonical name ({@code {n,column}}), the other names it is read under]. */
    public static final String FILE_COLUMN_NAMES = "file_column_names";
    /** [column, first field no., second field no., first name, second name]. */
    public static final String FILE_COLUMN_TWICE = "file_column_twice";
    /** [data row]. */
    public static final String FILE_QUOTE_UNCLOSED = "file_quote_unclosed";
    /** []. */
    public static final String FILE_QUOTE_UNCLOSED_HEADER = "file_quote_unclosed_header";
    /** [data row]. */
    public static final String FILE_TEXT_AFTER_QUOTE = "file_text_after_quote";
    /** []. */
    public static final String FILE_TEXT_AFTER_QUOTE_HEADER = "file_text_after_quote_header";
    /** [data row, the CSV reader's words]. */
    public static final String FILE_MALFORMED = "file_malformed";
    /** [the CSV reader's words]. */
    public static final String FILE_MALFORMED_HEADER = "file_malformed_header";
    /** [setting, value, examples of valid values]. */
    public static final String FILE_PLUGIN_SETTING = "file_plugin_setting";
    /** [file name, the error]. */
    public static final String FILE_PLUGIN_ERROR = "file_plugin_error";
    /** No installed order-file plugin reads the file: [file name]. */
    public static final String FILE_NO_PARSER = "file_no_parser";
    // an order file's malformed rows as the file plugin reports them (SPI platform 1.5 ParsedOrderFile.Problem codes
    // and params, prefixed row_; since 1.17); a column is its canonical name ({n,column}), a value as in the file
    /** [fields in the row, fields in the header]. */
    public static final String ROW_FIELD_COUNT = "row_field_count";
    /** [column, position, code point]. */
    public static final String ROW_LINE_BREAK = "row_line_break";
    /** [column, position, code point]. */
    public static final String ROW_TAB = "row_tab";
    /** [column, position, code point]. */
    public static final String ROW_NUL = "row_nul";
    /** [column, position, code point]. */
    public static final String ROW_CONTROL_CHAR = "row_control_char";
    /** [column, position, code point]. */
    public static final String ROW_REPLACEMENT_CHAR = "row_replacement_char";
    /** []. */
    public static final String ROW_ORDER_NO_EMPTY = "row_order_no_empty";
    /** [column]. */
    public static final String ROW_EMPTY = "row_empty";
    /** [value]. */
    public static final String ROW_QUANTITY = "row_quantity";
    /** [value]. */
    public static final String ROW_ORDER_DATE = "row_order_date";
    /** [value]. */
    public static final String ROW_SHIP_BY = "row_ship_by";
    /** [value]. */
    public static final String ROW_COUNTRY = "row_country";
    /** [column, value]. */
    public static final String ROW_FLAG = "row_flag";
    /** [column, value]. */
    public static final String ROW_AMOUNT = "row_amount";
    /** [value]. */
    public static final String ROW_CURRENCY = "row_currency";
    /** []. */
    public static final String ROW_CURRENCY_EMPTY = "row_currency_empty";
    /** [the amount's column]. */
    public static final String ROW_CURRENCY_COLUMN_MISSING = "row_currency_column_missing";
    /** [column, value here, value in the first row, that row, order no.]. */
    public static final String ROW_ROWS_DIFFER = "row_rows_differ";
    /** As {@link #ROW_ROWS_DIFFER}, a field of the ship-to address. */
    public static final String ROW_ROWS_DIFFER_ADDRESS = "row_rows_differ_address";
    /** As {@link #ROW_ROWS_DIFFER}, an amount of the order. */
    public static final String ROW_ROWS_DIFFER_ORDER_AMOUNT = "row_rows_differ_order_amount";
    /** A row problem, and the row was left out: [the problem ({@link #encode(List)} of one row_* reason)]. */
    public static final String ROW_LEFT_OUT = "row_left_out";
    /** A row problem, and its order was left out: [the problem, order no., the order's rows ({@code {n,rows}})]. */
    public static final String ROW_ORDER_LEFT_OUT = "row_order_left_out";
    /** A shell command's options refused: [the problems ({@link #encode(List)} of options_* reasons)]. */
    public static final String INVALID_OPTIONS = "invalid_options";
    /** [word, usage]. */
    public static final String OPTIONS_UNEXPECTED = "options_unexpected";
    /** [word, the options]. */
    public static final String OPTIONS_UNEXPECTED_OPTIONS = "options_unexpected_options";
    /** [option, usage]. */
    public static final String OPTIONS_NEEDS_VALUE_USAGE = "options_needs_value_usage";
    /** [option]. */
    public static final String OPTIONS_NEEDS_VALUE = "options_needs_value";
    /** [option]. */
    public static final String OPTIONS_TWICE = "options_twice";
    /** [option, option]. */
    public static final String OPTIONS_EXCLUSIVE = "options_exclusive";
    /** []. */
    public static final String OPTIONS_RESET_ALONE = "options_reset_alone";
    /** []. */
    public static final String OPTIONS_NOTHING_SAVED = "options_nothing_saved";
    /** [usage]. */
    public static final String OPTIONS_USAGE = "options_usage";
    /** [value, the categories]. */
    public static final String OPTIONS_CATEGORY = "options_category";
    /** [option, value]. */
    public static final String OPTIONS_NEEDS_SKU = "options_needs_sku";
    /** [sku]. */
    public static final String OPTIONS_NO_LINE = "options_no_line";
    /** [option, SKU=value]. */
    public static final String OPTIONS_NOT_NUMBER = "options_not_number";
    /** []. */
    public static final String OPTIONS_ALIAS_STORE = "options_alias_store";
    /** []. */
    public static final String OPTIONS_ALIAS_REMOVE = "options_alias_remove";
    /** []. */
    public static final String OPTIONS_ALIAS_SKU = "options_alias_sku";

    /** The codes whose params are a list of groups, with the size of one group. */
    public static final Map<String, Integer> LISTS = Map.of(SHORTAGES, 2, OUT_OF_STOCK, 2, ADDRESS_CORRECTED, 1,
            CUSTOMS_CHANGED, 4, INVALID_PRODUCT, 2, INVALID_ADDRESS, 2, CONFLICT_ORDERS, 2,
            CONFLICT_ORDERS_WITH_ID, 3);

    /**
     * The English names of the {@code {n,field}} keys: what an edit before upload changed. The address fields keep
     * their keys as names (the history has always said "Ship-to address corrected (address1, city)").
     */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ship_to", "ship-to address"),
            Map.entry("declaration", "customs declaration"),
            Map.entry("contents", "contents"),
            Map.entry("category", "category"),
            Map.entry("sku", "SKU"),
            Map.entry("description_en", "English description"),
            Map.entry("description_zh", "Chinese description"),
            Map.entry("hs_code", "HS code"),
            Map.entry("quantity", "quantity"),
            Map.entry("unit_value", "unit value"),
            Map.entry("currency", "currency"),
            Map.entry("origin", "origin"),
            Map.entry("net_weight", "net weight (g)"));

    /** The English sentence of each code ({@code {n}} = params[n]; for a list code, of one item). */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry(WAREHOUSE, "Warehouse {0}"),
            Map.entry(SHORTAGES, "{0} missing {1,number,integer}"),
            Map.entry(CARRIER, "Carrier {0}"),
            Map.entry(CARRIER_SERVICE, "Carrier {0} / {1}"),
            Map.entry(CARRIER_ACCEPTED, "Accepted by {0}; tracking number pending"),
            Map.entry(TRACKING_NUMBER, "Tracking number {0} from {1}"),
            Map.entry(TRACKING_NUMBER_WARNINGS, "Tracking number {0} from {1}; {2}"),
            Map.entry(LABEL_STORED, "{0} label from {1} ({2,number,integer} bytes)"),
            Map.entry(LABEL_REQUESTED, "Fetching the carrier''s label again from {0}"),
            Map.entry(LABEL_FAILED, "The carrier''s label could not be fetched: {0}. Labels print with "
                    + "Waybill''s own design until ''Update logistics provider info'' fetches it."),
            Map.entry(WEIGHED, "Weight {0,weight} (expected {1,weight} ± {2,weight})"),
            Map.entry(WEIGHT_OVERRIDE, "Weight override by supervisor {0}: measured {1,weight}, expected "
                    + "{2,weight} ± {3,weight}. "
                    + "Reason: {4}"),
            Map.entry(WEIGHT_OVERRIDE_UNWEIGHED, "Weight override by supervisor {0}: measured none, expected "
                    + "{1,weight} ± {2,weight}. Reason: {3}"),
            Map.entry(BATCH_NOT_WEIGHED, "Batch delivery (not weighed)"),
            Map.entry(BATCH_WEIGHT_OVERRIDE, "Batch delivery, weight override by supervisor {0}: last weighed "
                    + "{1,weight}, expected {2,weight} ± {3,weight}. Reason: {4}"),
            Map.entry(PLATFORM_CANCELLED, "The marketplace cancelled this order after capture; void the package "
                    + "unless it has shipped."),
            Map.entry(ADDRESS_UPDATED, "Ship-to address updated by the marketplace"),
            Map.entry(LINES_UPDATED, "Order lines updated by the marketplace"),
            Map.entry(LINES_CHANGE_REFUSED, "The marketplace changed the order lines after allocation; not applied. "
                    + "Check the package."),
            Map.entry(VALUE_UPDATED, "Order value (prices, total, shipping paid, buyer contact or ship-by) updated "
                    + "by the marketplace"),
            Map.entry(SYNC_WAITING, "Waiting for the marketplace plugin ''{0}'' of store {1}, which is not "
                    + "installed; sent once it is"),
            Map.entry(SYNC_CONFIRMED, "Confirmed to {0}: {1} {2}"),
            Map.entry(SYNC_PARTIAL_UNMATCHED, "Not confirmed to {0}: the marketplace order has no line left for an "
                    + "item of this package (tracking {1}); nothing was confirmed, not the whole order either. {2}"),
            Map.entry(SYNC_PARTIAL_NOT_SPLITTABLE, "Not confirmed to {0}: the marketplace cannot take tracking {1} as "
                    + "a partial shipment of this package''s items; nothing was confirmed, not the whole order either. "
                    + "{2}"),
            Map.entry(SKU_UNMATCHED, "SKU not matched: {0} (map each to a product for this store)"),
            Map.entry(LINES_UPDATED_UNMATCHED, "Order lines updated by the marketplace; SKU not matched: {0} (map "
                    + "each to a product for this store)"),
            Map.entry(SKU_MAPPED, "Platform SKU {0} mapped to {1}; every line matched"),
            Map.entry(SKU_MAPPED_STILL_HELD, "Platform SKU {0} mapped to {1}; still held: SKU not matched: {2} (map "
                    + "each to a product for this store)"),
            Map.entry(DEMO_DATA, "Demo data"),
            Map.entry(ALREADY_SHIPPED, "Package {0} has already been shipped ({1,status}); it cannot be {2,verb}."),
            Map.entry(ALREADY_VOIDED, "Package {0} is voided; it cannot be {1,verb}."),
            Map.entry(ILLEGAL_STATE, "Package {0} is {1,status}; it cannot be {2,verb} now."),
            Map.entry(UNKNOWN_PACKAGE_ID, "No package with id {0}."),
            Map.entry(MERGED_FROM, "Merged with {0}: they ship in this parcel"),
            Map.entry(MERGED_INTO, "Merged into package {0}, which ships for it"),
            Map.entry(MERGE_UNDONE, "Merge undone: {0} ship on their own again"),
            Map.entry(MERGE_TOO_FEW, "Choose at least two packages to merge."),
            Map.entry(MERGE_MISMATCH, "Packages {0} and {1} cannot be merged: they are not of the same store, buyer "
                    + "and ship-to address."),
            Map.entry(MERGE_STEP, "Packages {0} ({1,status}) and {2} ({3,status}) are at different steps; bring "
                    + "them to the same step before merging."),
            Map.entry(MERGE_WAREHOUSE, "Packages {0} ({1}) and {2} ({3}) are allocated in different warehouses; "
                    + "they cannot ship as one parcel."),
            Map.entry(MERGE_NESTED, "Package {0} is a merge already; undo that merge first."),
            Map.entry(MERGE_DECLARATION, "Package {0} has an edited customs declaration; reset it before merging."),
            Map.entry(NOT_MERGED, "Package {0} is no merge; there is nothing to undo."),
            Map.entry(MERGE_SPLIT, "Package {0} carries part of a split order; undo the split before merging."),
            Map.entry(SPLIT_OFF, "Split: {0} ship in package {1} now"),
            Map.entry(SPLIT_FROM, "Split off package {0}: carries {1}"),
            Map.entry(SPLIT_FROM_WAREHOUSE, "Split off package {0} by warehouse: carries {1}, from warehouse {2}"),
            Map.entry(SPLIT_UNDONE, "Split undone: {0} joined back into this package"),
            Map.entry(SPLIT_JOINED, "Joined back into package {0} (split undone)"),
            Map.entry(SPLIT_EMPTY, "Choose at least one unit to move to the new package."),
            Map.entry(SPLIT_BAD_LINE, "Package {0} carries {2} of {1}; {3} cannot move to a new package."),
            Map.entry(SPLIT_ALL, "Package {0} would be left empty; leave at least one unit in it."),
            Map.entry(SPLIT_MERGED, "Package {0} is a merge; undo the merge before splitting it."),
            Map.entry(SPLIT_UNMATCHED, "Package {0} has SKUs that are not matched to products; match them before "
                    + "splitting it."),
            Map.entry(SPLIT_NOT_NEEDED, "Warehouse {1} has everything package {0} needs; allocate it instead of "
                    + "splitting it."),
            Map.entry(SPLIT_NO_STOCK, "No warehouse of the store has {1} of package {0}; it cannot be split by "
                    + "warehouse."),
            Map.entry(SPLIT_ALLOCATED, "Package {0} is allocated in warehouse {1}, which holds everything it needs; "
                    + "split it by lines instead."),
            Map.entry(NOT_SPLIT, "Package {0} is not split; there is nothing to undo."),
            Map.entry(SPLIT_UNDO_MISMATCH, "Packages {0} ({1,status}, warehouse {2}) and {3} ({4,status}, warehouse "
                    + "{5}) are at different steps or in different warehouses; they cannot be joined back."),
            Map.entry(SPLIT_UNDO_UPLOADED, "The split of package {0} cannot be undone: package {1} ({2,status}) has "
                    + "been uploaded to a carrier."),
            Map.entry(SPLIT_UNDO_RELEASED, "Stock released to join the split back: {0} in warehouse {1}"),
            Map.entry(CONCURRENT_CHANGE, "Package {0} was changed by someone else at the same time; refresh and try "
                    + "again."),
            Map.entry(BULK_RUNNING, "This action is already running over a selection (run {0}, started by {1}); wait "
                    + "for it to end or stop it."),
            Map.entry(BULK_CHUNK_FAILED, "Package {0} was not handled: the server failed on its part of the selection "
                    + "(see the server log). Run the action again for it."),
            Map.entry(BULK_READ_FAILED, "The run ended early: the selection could not be read after package id {0} "
                    + "(see the server log). What was done stays done; run the action again for the rest."),
            Map.entry(CUSTOMS_EDITED, "Customs declaration edited: {0}, {1,number,integer} line(s), total {2} {3}"),
            Map.entry(CUSTOMS_RESET, "Customs declaration follows the catalogue again"),
            Map.entry(CUSTOMS_CHANGED, "{0}: {1,field} {2} → {3}"),
            Map.entry(ADDRESS_CORRECTED, "{0,field}"),
            Map.entry(EDIT_LOCKED, "Package {0} is {1,status}: its {2,field} can change only before it is uploaded "
                    + "to a carrier. Void it if the buyer''s details are wrong."),
            Map.entry(UPLOAD_IN_PROGRESS, "Package {0} is being uploaded to its carrier; change its {1,field} when "
                    + "the upload has finished or failed."),
            Map.entry(CUSTOMS_NO_LINES, "The customs declaration has no lines"),
            Map.entry(CUSTOMS_HS_MISSING, "{0}: HS code missing (customs declaration)"),
            Map.entry(CUSTOMS_HS_MALFORMED, "{0}: HS code {1} is not 6 to 10 digits"),
            Map.entry(CUSTOMS_DESCRIPTION_MISSING, "{0}: English customs description missing"),
            Map.entry(CUSTOMS_IOSS_MISSING, "Consignment to {0} of {1} {2} (up to EUR 150) needs the store IOSS "
                    + "number; enter it in the store settings"),
            Map.entry(CUSTOMS_IOSS_UNVERIFIABLE, "Consignment to {0} declares {1} {2}: without exchange rates it "
                    + "cannot be told whether that is up to EUR 150; enter the store IOSS number or declare in EUR"),
            Map.entry(CUSTOMS_TOTAL_ZERO, "The declared total is 0 {0}"),
            Map.entry(CUSTOMS_CURRENCY_MIXED, "The declaration mixes currencies ({0}); declare one"),
            Map.entry(SERVICE_DESTINATION, "Service {0} does not deliver to {1}"),
            Map.entry(SERVICE_WEIGHT, "Service {0} takes up to {2,number,integer} g; the package weighs "
                    + "{1,number,integer} g"),
            Map.entry(SERVICE_VALUE, "Service {0} takes declared values up to {3} {4}; the package declares {1} {2}"),
            Map.entry(SERVICE_VALUE_UNKNOWN, "Service {0} takes declared values up to {1} {2}; the package declares "
                    + "no value"),
            Map.entry(SERVICE_VALUE_CURRENCY, "Service {0} limits declared values in {2}; the package declares "
                    + "{1}"),
            Map.entry(SERVICE_DANGEROUS_GOODS, "Service {0} does not carry {1}"),
            Map.entry(SERVICE_CUSTOMS_DATA, "Service {0} needs an HS code, an English description, a value and the "
                    + "origin country on every line"),
            Map.entry(SERVICE_CURRENCY, "Service {0} does not accept declarations in {1} (accepted: {2})"),
            Map.entry(SERVICE_CUSTOMS_LINES, "Service {0} takes at most {2,number,integer} declaration lines; the "
                    + "package has {1,number,integer}"),
            Map.entry(RULE_WAREHOUSE, "Warehouse {0} by rule #{1} \"{2}\""),
            Map.entry(RULE_SHIPPING_METHOD, "Shipping method {0} / {1} by rule #{2} \"{3}\""),
            Map.entry(RULE_HOLD, "Held for review: {0} (rule #{1} \"{2}\")"),
            Map.entry(RULE_TAG, "Tag {0} by rule #{1} \"{2}\""),
            Map.entry(RULE_WAREHOUSE_UNKNOWN, "Rule #{1} \"{2}\" skipped: warehouse {0} does not exist or is "
                    + "disabled"),
            Map.entry(RULE_SERVICE_UNKNOWN, "Rule #{2} \"{3}\" skipped: carrier {0} does not offer service {1}"),
            Map.entry(RULE_SERVICE_DESTINATION, "Rule #{2} \"{3}\" skipped: service {0} does not deliver to {1}"),
            Map.entry(RULE_SERVICE_WEIGHT, "Rule #{3} \"{4}\" skipped: service {0} takes parcels up to "
                    + "{2,number,integer} g; this one weighs {1,number,integer} g"),
            Map.entry(RULE_SERVICE_VALUE, "Rule #{5} \"{6}\" skipped: service {0} takes declared values up to {3} "
                    + "{4}; this parcel declares {1} {2}"),
            Map.entry(RULE_SERVICE_VALUE_UNKNOWN, "Rule #{3} \"{4}\" skipped: service {0} takes declared values up "
                    + "to {1} {2}; this parcel declares no value"),
            Map.entry(RULE_SERVICE_VALUE_CURRENCY, "Rule #{3} \"{4}\" skipped: service {0} limits declared values "
                    + "in {2}; this parcel declares its value in {1}"),
            Map.entry(RULE_SERVICE_DANGEROUS_GOODS, "Rule #{2} \"{3}\" skipped: service {0} does not carry {1}"),
            Map.entry(RULE_SERVICE_CUSTOMS_DATA, "Rule #{1} \"{2}\" skipped: service {0} needs an HS code, an "
                    + "English description, a value and the origin country on every line"),
            Map.entry(RULE_SERVICE_CURRENCY, "Rule #{3} \"{4}\" skipped: service {0} does not accept declarations "
                    + "in {1} (accepted: {2})"),
            Map.entry(RULE_SERVICE_CUSTOMS_LINES, "Rule #{3} \"{4}\" skipped: service {0} takes at most "
                    + "{2,number,integer} declaration lines; this parcel has {1,number,integer}"),
            Map.entry(RULE_DECISIONS, "{0,reasons}"),
            Map.entry(RULES_RELEASED, "The rules no longer hold this package; back to waiting"),
            Map.entry(RULES_MERGE_UNDONE, "Rules applied again: the merge was undone"),
            Map.entry(RULES_SPLIT_UNDONE, "Rules applied again: the split was undone"),
            Map.entry(RULE_KEPT_WAREHOUSE, "Warehouse {0} kept: it was assigned by hand, not by a rule"),
            Map.entry(RULE_KEPT_SHIPPING_METHOD, "Shipping method {0} / {1} kept: it was assigned by hand, not by a "
                    + "rule"),
            Map.entry(HOLD_RELEASED, "Released after review"),
            Map.entry(UPLOAD_INTERRUPTED, "The upload was interrupted by a restart and its outcome is unknown. Check "
                    + "the carrier portal for a shipment of this package before uploading it again."),
            Map.entry(HELD_FOR_REVIEW, "Package {0} is held for review (To review); release it first. It cannot be "
                    + "{1,verb} now."),
            Map.entry(HELD_SKU_UNMATCHED, "Package {0} is held: an order line''s SKU is not matched to a product; map "
                    + "it in \"SKU not matched\" (or waybill:sku-alias) first. It cannot be {1,verb} now."),
            Map.entry(ALREADY_QUEUED, "Package {0} is already queued to be {1,verb}."),
            Map.entry(NO_SHIPPING_METHOD, "The store of package {0} has no default shipping method; set one in "
                    + "Settings -> Shipping methods."),
            Map.entry(CARRIER_MISSING, "The carrier plugin ''{0}'' is not installed (the shipping method of package "
                    + "{1}); nothing was sent. Install the plugin or choose another default shipping method, then "
                    + "upload again."),
            Map.entry(NOT_PENDING, "Package {0} is not waiting for a tracking number ({1,status})."),
            Map.entry(RULES_NOT_APPLICABLE, "Package {0} is {1,status}; rules apply only to packages not allocated "
                    + "yet."),
            Map.entry(NOT_HELD, "Package {0} is not held for review ({1,status})."),
            Map.entry(ALREADY_SYNCED, "Package {0} is already synchronised."),
            Map.entry(NOT_SHIPPED, "Package {0} has not been shipped."),
            Map.entry(PLUGIN_MISSING, "Store {0} needs the marketplace plugin ''{1}'', which is not installed or not "
                    + "configured for this store: install or configure it, then sync again."),
            Map.entry(CUSTOMS_NOT_READY, "The customs declaration of package {0} is not ready; nothing was sent: "
                    + "{1,reasons}. Correct it on the package page, in the catalogue or in the store settings, then "
                    + "upload again."),
            Map.entry(CUSTOMS_LOCKED, "Package {0} is {1,status}; its customs declaration can change only before it "
                    + "is uploaded to a carrier."),
            Map.entry(CUSTOMS_LOCKED_QUEUED, "Package {0} is queued for upload; its customs declaration can change "
                    + "only before it is uploaded to a carrier."),
            Map.entry(SUPERVISOR_AUTH_FAILED, "Supervisor name or password is wrong; the package was not shipped."),
            Map.entry(NOT_SUPERVISOR, "{0} is not a supervisor; the package was not shipped."),
            Map.entry(SUPERVISOR_REQUIRED, "A supervisor''s approval is required."),
            Map.entry(EMPTY_SCAN, "Nothing was scanned."),
            Map.entry(SCAN_UNKNOWN, "UNKNOWN PACKAGE: no package or tracking number ''{0}''."),
            Map.entry(SCAN_ALREADY_SHIPPED, "ALREADY SHIPPED: package {0} has already been shipped."),
            Map.entry(VOIDED, "VOIDED: package {0} was cancelled. Do not ship it."),
            Map.entry(NOT_PRINTED, "NOT PRINTED: package {0} is {1,status}; print its label first."),
            Map.entry(WEIGHING_FAILED, "WEIGHING FAILED: package {0} weighed {1,weight}, expected {2,weight} ± "
                    + "{3,weight}; only a supervisor can ship it."),
            Map.entry(SCALE_BAD_SETTINGS, "bad settings for scale {0}: {1}"),
            Map.entry(SCALE_BUSY, "scale on {0} is busy with another request for longer than {1,number,integer} ms"),
            Map.entry(SCALE_INTERRUPTED, "interrupted while waiting for the scale on {0}"),
            Map.entry(SCALE_OPEN_FAILED, "cannot open {0}: {1}"),
            Map.entry(SCALE_NO_ANSWER, "no answer to {1} within {2,number,integer} ms from {0}"),
            Map.entry(SCALE_NO_FRAME, "no weight frame within {1,number,integer} ms from {0} (scale off, or not in "
                    + "continuous output mode?)"),
            Map.entry(SCALE_PARTIAL_FRAME, "no complete frame within {1,number,integer} ms from {0}, only ''{2}''"),
            Map.entry(SCALE_UNREADABLE, "unreadable data from {0}: ''{1}'' (wrong baud rate or another format?)"),
            Map.entry(SCALE_CONNECTION_LOST, "connection to {0} lost"),
            Map.entry(SCALE_INTERNAL_ERROR, "internal error reading the scale on {0}: {1}"),
            Map.entry(SCALE_NOT_UNDERSTOOD, "scale on {0} does not understand {1} (ES): is it set to MT-SICS?"),
            Map.entry(SCALE_GARBLED, "scale on {0} received {1} garbled (ET): check baud rate, parity and cable"),
            Map.entry(SCALE_UNEXPECTED_ANSWER, "unexpected answer to {1} from {0}: ''{2}''"),
            Map.entry(SCALE_CANNOT_EXECUTE, "scale cannot execute {0} now (EL)"),
            Map.entry(SCALE_OVERLOAD, "overload: take the load off"),
            Map.entry(SCALE_UNDERLOAD, "underload: zero the empty scale"),
            Map.entry(SCALE_NOT_STABLE, "weight not stable"),
            Map.entry(SCALE_NO_STABLE_WEIGHT, "no stable weight within the scale''s own time: keep the parcel still"),
            Map.entry(SCALE_BUSY_NO_WEIGHT, "scale busy, no weight now"),
            Map.entry(SCALE_UNKNOWN, "No scale ''{0}'' is configured."),
            Map.entry(SCALE_PLUGIN_FAILED, "The scale plugin failed: {0}"),
            Map.entry(OUT_OF_STOCK, "{0} missing {1,number,integer}"),
            Map.entry(INVALID_DECLARATION, "The declaration cannot be saved: {0,reasons}."),
            Map.entry(DECL_NONE, "no declaration given"),
            Map.entry(DECL_NO_LINES, "a declaration needs at least one line"),
            Map.entry(DECL_SKU_REQUIRED, "line {0}: the SKU is required"),
            Map.entry(DECL_SKU_TOO_LONG, "line {0}: the SKU is longer than 100 characters"),
            Map.entry(DECL_TEXT_TOO_LONG, "line {0}: the {1,field} is longer than {2,number,integer} characters"),
            Map.entry(DECL_TEXT_CONTROL, "line {0}: the {1,field} contains a control character"),
            Map.entry(DECL_HS_TOO_LONG, "line {0}: the HS code {1} is longer than 10 digits"),
            Map.entry(DECL_QUANTITY, "line {0}: the quantity must be at least 1"),
            Map.entry(DECL_UNIT_VALUE, "line {0}: the unit value {1} must be 0 or more, with at most 15 digits "
                    + "before and 4 after the decimal point"),
            Map.entry(DECL_CURRENCY, "line {0}: the currency {1} is not an ISO 4217 code (e.g. USD, EUR)"),
            Map.entry(DECL_VALUE_NO_CURRENCY, "line {0}: a unit value needs its currency"),
            Map.entry(DECL_ORIGIN, "line {0}: the origin {1} is not an ISO 3166 country code (e.g. CN)"),
            Map.entry(DECL_NET_WEIGHT, "line {0}: the net weight cannot be negative"),
            Map.entry(INVALID_TAX_ID, "{0,reasons}."),
            Map.entry(TAX_IOSS_MALFORMED, "the IOSS number {0} is not valid (IM followed by 10 digits, e.g. "
                    + "IM2760000123)"),
            Map.entry(TAX_VOEC_MALFORMED, "the VOEC number {0} is not valid (7 digits)"),
            Map.entry(TAX_EORI_MALFORMED, "the EORI number {0} is not valid (2 letters of the country and up to 15 "
                    + "letters or digits, e.g. DE123456789012345)"),
            Map.entry(TAX_VAT_MALFORMED, "the VAT number {0} is not valid (2 letters of the country and 2 to 13 "
                    + "letters or digits, e.g. DE123456789)"),
            Map.entry(REASON_REQUIRED, "A reason is required."),
            Map.entry(REASON_TOO_LONG, "The reason is too long ({0,number,integer} characters, at most "
                    + "{1,number,integer})."),
            Map.entry(PRODUCT_REQUIRED, "is required"),
            Map.entry(PRODUCT_TOO_LONG, "is longer than {0} characters"),
            Map.entry(PRODUCT_CONTROL, "contains the control character {0}"),
            Map.entry(PRODUCT_SKU_SPACES, "''{0}'' must not contain spaces or control characters"),
            Map.entry(PRODUCT_LISTED_TWICE, "''{0}'' is listed twice"),
            Map.entry(PRODUCT_BARCODE_TOO_LONG, "''{0}'' is longer than 64 characters"),
            Map.entry(PRODUCT_BARCODE_ASCII, "''{0}'' may contain only printable ASCII characters without spaces"),
            Map.entry(PRODUCT_BARCODE_LENGTH, "''{0}'' has {1} digits: an all-digit barcode must be an EAN-8, UPC-A (12), EAN-13 or GTIN-14; give an in-house code a letter (e.g. FREE-{0})"),
            Map.entry(PRODUCT_BARCODE_CHECK, "''{0}'' has a wrong check digit: {1} ending in {2} expected"),
            Map.entry(PRODUCT_WEIGHT_REQUIRED, "is required (grams; a bundle may leave it empty for the sum of its components)"),
            Map.entry(PRODUCT_NEGATIVE_GRAMS, "{0} must be 0 or more grams"),
            Map.entry(PRODUCT_NOT_POSITIVE_GRAMS, "{0} must be a positive number of grams"),
            Map.entry(PRODUCT_NOT_POSITIVE_MM, "{0} must be a positive number of mm"),
            Map.entry(PRODUCT_TOO_MANY_GRAMS, "{0} is more than {1} grams"),
            Map.entry(PRODUCT_TOO_MANY_MM, "{0} is more than {1} mm"),
            Map.entry(PRODUCT_VALUE_NEGATIVE, "{0} must not be negative"),
            Map.entry(PRODUCT_VALUE_TOO_LARGE, "{0} is too large"),
            Map.entry(PRODUCT_VALUE_DECIMALS, "{0} has more than 2 decimals"),
            Map.entry(PRODUCT_CURRENCY_REQUIRED, "is required with a declared value (ISO 4217 code such as USD)"),
            Map.entry(PRODUCT_CURRENCY, "''{0}'' is not an ISO 4217 currency code (e.g. USD, EUR, CNY)"),
            Map.entry(PRODUCT_HS_CODE, "''{0}'' must be 6 to 10 digits (e.g. 610910)"),
            Map.entry(PRODUCT_ORIGIN, "''{0}'' is not an ISO 3166 country code (two letters, e.g. CN)"),
            Map.entry(PRODUCT_COMPONENTS_MAX, "a bundle may have at most {0} components ({1} given)"),
            Map.entry(PRODUCT_COMPONENT_NO_SKU, "a component has no SKU (write SKU*quantity, parts separated by ;)"),
            Map.entry(PRODUCT_COMPONENT_ITSELF, "''{0}'' is the bundle itself: a bundle cannot contain itself"),
            Map.entry(PRODUCT_COMPONENT_QUANTITY, "''{0}'' has quantity {1}: each component needs 1 or more units"),
            Map.entry(PRODUCT_COMPONENT_QUANTITY_MAX, "''{0}'' has quantity {1}, more than {2}"),
            Map.entry(PRODUCT_COMPONENT_TWICE, "''{0}'' is listed twice: give it once with the total quantity"),
            Map.entry(PRODUCT_COMPONENT_UNKNOWN, "''{0}'' is not in the catalogue: add the component product first (or in the same file)"),
            Map.entry(PRODUCT_COMPONENT_QUANTITY_TEXT, "''{0}'': the quantity ''{1}'' is not a whole number (write SKU*2, parts separated by ;)"),
            Map.entry(PRODUCT_NESTING, "bundles nest more than {0} levels deep ({1})"),
            Map.entry(PRODUCT_CYCLE, "''{0}'' would contain itself through another bundle: {1}"),
            Map.entry(PRODUCT_BUNDLE_STOCK, "''{0}'' holds stock ({1,reasons}): a bundle has no stock of its own, its components are reserved. Book the stock out or use a new SKU for the bundle"),
            Map.entry(PRODUCT_STOCK_HELD, "{0,number,integer} on hand, {1,number,integer} reserved in {2}"),
            Map.entry(PRODUCT_NOT_NUMBER, "''{0}'' is not a number"),
            Map.entry(PRODUCT_NOT_WHOLE, "''{0}'' is not a whole number"),
            Map.entry(PRODUCT_NOT_FLAG, "''{0}'' is not yes/no (true/false, 1/0, 是/否)"),
            Map.entry(CATALOGUE_NOT_A_COLUMN, "is not a catalogue column (English: {0}; 中文: {1})"),
            Map.entry(CATALOGUE_HEADER_TWICE, "appears twice in the header"),
            Map.entry(CATALOGUE_NO_HEADER, "has a value but no header"),
            Map.entry(CATALOGUE_ALSO_IN_ROW, "''{0}'' is also in row {1,number,integer}"),
            Map.entry(CATALOGUE_SKU_EXISTS, "''{0}'' is already in the catalogue (import with \"update existing "
                    + "products\" / --update to change it)"),
            Map.entry(CATALOGUE_SKU_CASE, "''{0}'' differs only in upper/lower case from ''{1}'' in the catalogue"),
            Map.entry(CATALOGUE_BARCODE_OWNED, "''{0}'' already belongs to SKU {1}"),
            Map.entry(CATALOGUE_NO_ROWS, "has a header but no product rows"),
            Map.entry(CATALOGUE_UNKNOWN_SKU, "''{0}'' is not in the catalogue"),
            Map.entry(INVALID_PRODUCT, "{0,column}: {1,reasons}"),
            Map.entry(PRODUCT_TEXT, "{0}"),
            Map.entry(ORDER_REQUIRED, "is required"),
            Map.entry(ORDER_REQUIRED_FOR, "is required for destination {0}"),
            Map.entry(ORDER_TOO_LONG, "is too long ({0} characters, at most {1})"),
            Map.entry(ORDER_CONTROL, "contains a control character ({0}) at position {1}"),
            Map.entry(ORDER_BIDI, "contains a bidirectional control character ({0}) at position {1}; it makes text "
                    + "display in another order than it is written (a name or address could read differently on "
                    + "screen and label), so it is not accepted"),
            Map.entry(ORDER_NO_LINES, "the order has no lines"),
            Map.entry(ORDER_TOO_MANY_LINES, "the order has more than {0} lines"),
            Map.entry(ORDER_UNKNOWN_SKU, "unknown SKU ''{0}''"),
            Map.entry(ORDER_QUANTITY_NOT_POSITIVE, "must be greater than 0, got {0}"),
            Map.entry(ORDER_QUANTITY_NOT_POSITIVE_SKU, "must be greater than 0, got {0} for {1}"),
            Map.entry(ORDER_QUANTITY_TOO_LARGE, "must be at most {0}, got {1}"),
            Map.entry(ORDER_CURRENCY_NOT_PAYABLE, "''{0}'' is not a currency buyers pay in (ISO 4217 lists it for "
                    + "metals, funds or testing)"),
            Map.entry(ORDER_CURRENCY_NOT_PAYABLE_SKU, "''{0}'' of SKU {1} is not a currency buyers pay in (ISO 4217 "
                    + "lists it for metals, funds or testing)"),
            Map.entry(ORDER_CURRENCY_UNKNOWN, "''{0}'' is not an ISO 4217 currency code (three capital letters such "
                    + "as USD, EUR, CNY)"),
            Map.entry(ORDER_CURRENCY_UNKNOWN_SKU, "''{0}'' of SKU {1} is not an ISO 4217 currency code (three capital "
                    + "letters such as USD, EUR, CNY)"),
            Map.entry(ORDER_PRICE_NO_CURRENCY, "the unit price has no currency; give the ISO 4217 code (e.g. USD)"),
            Map.entry(ORDER_PRICE_NO_CURRENCY_SKU, "the unit price of SKU {0} has no currency; give the ISO 4217 "
                    + "code (e.g. USD)"),
            Map.entry(ORDER_LINE_CURRENCY, "the line is in {0} but the order is in {1}; every line must be in the "
                    + "order''s currency"),
            Map.entry(ORDER_LINE_CURRENCY_SKU, "the line of SKU {2} is in {0} but the order is in {1}; every line "
                    + "must be in the order''s currency"),
            Map.entry(ORDER_LINES_CURRENCY, "the line is in {0} but an earlier line is in {1}; every line must be in "
                    + "one currency"),
            Map.entry(ORDER_LINES_CURRENCY_SKU, "the line of SKU {2} is in {0} but an earlier line is in {1}; every "
                    + "line must be in one currency"),
            Map.entry(ORDER_AMOUNT_NEGATIVE, "must not be negative, got {0}"),
            Map.entry(ORDER_AMOUNT_NEGATIVE_SKU, "must not be negative, got {0} of SKU {1}"),
            Map.entry(ORDER_AMOUNT_TOO_LARGE, "is too large ({0})"),
            Map.entry(ORDER_AMOUNT_TOO_LARGE_SKU, "is too large ({0} of SKU {1})"),
            Map.entry(ORDER_AMOUNT_DECIMALS, "{0} has more decimals than {1} has ({2})"),
            Map.entry(ORDER_AMOUNT_DECIMALS_SKU, "{0} of SKU {3} has more decimals than {1} has ({2})"),
            Map.entry(ORDER_AMOUNT_SCALE, "{0} has more than 4 decimals"),
            Map.entry(ORDER_AMOUNT_SCALE_SKU, "{0} of SKU {1} has more than 4 decimals"),
            Map.entry(ORDER_TOTAL_NO_CURRENCY, "the order has a total but no currency; give the ISO 4217 code (e.g. "
                    + "USD)"),
            Map.entry(ORDER_SHIPPING_NO_CURRENCY, "the order has a shipping amount but no currency; give the ISO 4217 "
                    + "code (e.g. USD)"),
            Map.entry(ORDER_TOTAL_BELOW_SHIPPING, "the total {0} is less than the shipping paid {1}; the total "
                    + "includes shipping"),
            Map.entry(ORDER_PHONE, "''{0}'' is not a phone number (digits with an optional leading +, spaces, "
                    + "dashes, dots or brackets; at least 5 digits)"),
            Map.entry(ORDER_EMAIL, "''{0}'' is not an e-mail address (name@domain.tld)"),
            Map.entry(ORDER_TOO_HEAVY, "the parcel would weigh {0} kg (catalogue weights times quantities), more "
                    + "than the {1} kg one parcel may weigh; split the order into several"),
            Map.entry(ORDER_ADDRESS_MISSING, "the ship-to address is missing"),
            Map.entry(ORDER_COUNTRY, "''{0}'' is not an ISO 3166 two-letter country code"),
            Map.entry(ORDER_POSTAL_CODE, "''{0}'' is not a valid postal code for {1}"),
            Map.entry(ORDER_UNPRINTABLE, "contains {0}, which no installed label font can print; the label would "
                    + "show the recipient garbled, so the order is not accepted (replace the character, or install a "
                    + "font that has it)"),
            Map.entry(ORDER_UNPRINTABLE_MORE, "contains {0} and {1} more, which no installed label font can print; "
                    + "the label would show the recipient garbled, so the order is not accepted (replace the "
                    + "character, or install a font that has it)"),
            Map.entry(ORDER_SKU_HELD, "will be held: SKU not matched ''{0}'' (order {1} is imported into \"SKU not "
                    + "matched\" until the SKU is mapped to a product)"),
            Map.entry(DUPLICATE_SKU, "The product was not saved: {0,column} {1,reasons}."),
            Map.entry(DUPLICATE_BARCODE, "The product was not saved: {0,column} {1,reasons}."),
            Map.entry(INVALID_BUNDLE, "The product was not saved: {0,column} {1,reasons}."),
            Map.entry(BUNDLE_CYCLE, "A bundle of package {0} contains itself (through other bundles); fix its "
                    + "components in the catalogue."),
            Map.entry(CAPTURE_ORDER_FIELD, "order {0} / {1,column}"),
            Map.entry(CONFLICT_SAME_ORDER, "order {0} (platform_order_id ''{1}'') appears again as a separate order: "
                    + "{2,reasons}; the lines of one order must be read as one order, so none of them is imported "
                    + "({3,rows})"),
            Map.entry(CONFLICT_PLATFORM_ID, "platform_order_id ''{0}'' of order {1} is also the platform_order_id of "
                    + "{2,reasons}; one marketplace order cannot have two order numbers, so none of these orders is "
                    + "imported ({3,rows})"),
            Map.entry(CONFLICT_ORDER_NO, "order number {0} (platform_order_id ''{1}'') is also the order number of "
                    + "{2,reasons}; two orders of one store cannot share an order number, so none of these orders is "
                    + "imported ({3,rows})"),
            Map.entry(CONFLICT_ORDERS, "order {0} ({1,rows})"),
            Map.entry(CONFLICT_ORDERS_WITH_ID, "order {0} ({1,rows}) with platform_order_id ''{2}''"),
            Map.entry(CONFLICT_STORED_PLATFORM_ID, "platform_order_id ''{0}'' is already stored in store {1} as order "
                    + "{2}; this file gives it the order number {3}. An order number cannot change, so this order is "
                    + "not imported ({4,rows})"),
            Map.entry(CONFLICT_STORED_PLATFORM_ID_PACKAGE, "platform_order_id ''{0}'' is already stored in store {1} "
                    + "as order {2}, package {5}; this file gives it the order number {3}. An order number cannot "
                    + "change, so this order is not imported ({4,rows})"),
            Map.entry(CONFLICT_STORED_ORDER_NO, "order number {0} is already stored in store {1} for platform_order_id "
                    + "''{2}''; this file gives it platform_order_id ''{3}''. Two orders of one store cannot share an "
                    + "order number (an export without the marketplace''s order id would capture the same order "
                    + "twice), so this order is not imported ({4,rows})"),
            Map.entry(CONFLICT_STORED_ORDER_NO_PACKAGE, "order number {0} is already stored in store {1} for "
                    + "platform_order_id ''{2}'', package {5}; this file gives it platform_order_id ''{3}''. Two "
                    + "orders of one store cannot share an order number (an export without the marketplace''s order "
                    + "id would capture the same order twice), so this order is not imported ({4,rows})"),
            Map.entry(INVALID_ADDRESS, "{0,column} {1,reasons}"),
            Map.entry(UNKNOWN_STORE, "Unknown store ''{0}''."),
            Map.entry(STORE_REQUIRED, "A store is required."),
            Map.entry(UNREADABLE_FILE, "{0,reasons}"),
            Map.entry(FILE_PLUGIN, "The file cannot be read: {0}"),
            Map.entry(FILE_NOT_CSV_XLSX, "''{0}'' is neither .csv nor .xlsx."),
            Map.entry(FILE_NOT_UTF8, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" or as .xlsx."),
            Map.entry(FILE_OPEN_QUOTE, "The file ends inside a quoted value (a \" is not closed) in row {0}."),
            Map.entry(FILE_NOT_XLSX, "The file is not a readable .xlsx workbook ({0}). Save it from Excel or "
                    + "LibreOffice as .xlsx, or as CSV UTF-8."),
            Map.entry(FILE_NO_HEADER, "The file has no header row. Start from the template (waybill:sku-export "
                    + "--template)."),
            Map.entry(FILE_MISSING_COLUMNS, "The header row lacks the required column(s) {0}. Start from the "
                    + "template (waybill:sku-export --template)."),
            Map.entry(FILE_EMPTY, "The file is empty; it needs a header row with the column names."),
            Map.entry(FILE_HEADER_EMPTY, "The first line is empty; it must be the header row with the column names."),
            Map.entry(FILE_SIZE, "The file is {0} MB; files over {1} MB are refused. Split it into smaller files."),
            Map.entry(FILE_ROWS, "The file has more than {0,number,integer} data rows. Split it into smaller files."),
            Map.entry(FILE_ENCODING, "The file is not UTF-8 text: byte {0} at offset {1,number,integer} (line "
                    + "{2,number,integer}). Save it as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then "
                    + "upload it again."),
            Map.entry(FILE_ENCODING_UTF16, "The file is not UTF-16 text: byte {0} at offset {1,number,integer}. Save "
                    + "it as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then upload it again."),
            Map.entry(FILE_ENCODING_TRUNCATED, "The file ends in the middle of a character (offset "
                    + "{1,number,integer}): it is not complete {0} text. Save or download it again, then upload it "
                    + "again."),
            Map.entry(FILE_ENCODING_UTF16_NO_BOM, "The file is not UTF-8 text: it looks like {0} without a byte order "
                    + "mark (NUL bytes between the characters). Save it as \"CSV UTF-8\" (Excel) or choose UTF-8 when "
                    + "exporting, then upload it again."),
            Map.entry(FILE_COLUMNS_MISSING, "The header row lacks required columns: {0,reasons}. Found: {1}."),
            Map.entry(FILE_COLUMN_NAMES, "{0,column} (or {1})"),
            Map.entry(FILE_COLUMN_TWICE, "The header has the column {0,column} twice (fields {1} and {2}: ''{3}'' and "
                    + "''{4}''); keep one."),
            Map.entry(FILE_QUOTE_UNCLOSED, "A quoted value starting in data row {0,number,integer} is never closed: a "
                    + "double quote is missing, so the rest of the file cannot be split into rows."),
            Map.entry(FILE_QUOTE_UNCLOSED_HEADER, "A quoted value in the header row is never closed: a double quote is "
                    + "missing, so the rest of the file cannot be split into rows."),
            Map.entry(FILE_TEXT_AFTER_QUOTE, "Data row {0,number,integer} has text after the closing double quote of "
                    + "a value; inside a quoted value write a double quote as two (\"\")."),
            Map.entry(FILE_TEXT_AFTER_QUOTE_HEADER, "The header row has text after the closing double quote of a "
                    + "value; inside a quoted value write a double quote as two (\"\")."),
            Map.entry(FILE_MALFORMED, "Data row {0,number,integer} is not valid CSV ({1})."),
            Map.entry(FILE_MALFORMED_HEADER, "The header row is not valid CSV ({0})."),
            Map.entry(FILE_PLUGIN_SETTING, "The order-file plugin''s setting {0} = ''{1}'' is not valid; use a value "
                    + "like {2}. No order file can be read until it is corrected in the plugin''s settings."),
            Map.entry(FILE_PLUGIN_ERROR, "''{0}'' could not be read because of an internal error of the order-file "
                    + "plugin ({1}); please report it."),
            Map.entry(FILE_NO_PARSER, "No installed order-file plugin reads ''{0}''. Install the CSV plugin or export "
                    + "the orders as .csv."),
            Map.entry(ROW_FIELD_COUNT, "the row has {0} fields but the header has {1}; look for a missing or extra "
                    + "separator, or a value containing the separator that is not in double quotes"),
            Map.entry(ROW_LINE_BREAK, "{0,column} contains {2} (line break) at character {1}; only printable text "
                    + "is allowed"),
            Map.entry(ROW_TAB, "{0,column} contains {2} (tab) at character {1}; only printable text is allowed"),
            Map.entry(ROW_NUL, "{0,column} contains {2} (NUL) at character {1}; only printable text is allowed"),
            Map.entry(ROW_CONTROL_CHAR, "{0,column} contains {2} (control character) at character {1}; only "
                    + "printable text is allowed"),
            Map.entry(ROW_REPLACEMENT_CHAR, "{0,column} contains {2} (replacement character: the text was damaged "
                    + "by a wrong conversion) at character {1}; only printable text is allowed"),
            Map.entry(ROW_ORDER_NO_EMPTY, "order_no is empty; every row needs the order number"),
            Map.entry(ROW_EMPTY, "{0,column} is empty"),
            Map.entry(ROW_QUANTITY, "quantity must be a whole number greater than 0, got ''{0}''"),
            Map.entry(ROW_ORDER_DATE, "order_date must be a date like 2024-05-01, 2024-05-01 14:30, 2024/5/1 14:30:05"
                    + " or 2024-05-01T14:30:00+08:00, got ''{0}''"),
            Map.entry(ROW_SHIP_BY, "ship_by must be a date like 2024-05-03 or 2024-05-03 18:00, got ''{0}''"),
            Map.entry(ROW_COUNTRY, "country must be a two-letter ISO 3166-1 code such as CN, US or GB, got ''{0}''"),
            Map.entry(ROW_FLAG, "{0,column} must be one of true/false, yes/no, 1/0 (or empty), got ''{1}''"),
            Map.entry(ROW_AMOUNT, "{0,column} must be an amount like 12, 12.5 or 0.99 (digits and a decimal point, "
                    + "no currency sign, thousands separator or decimal comma), got ''{1}''"),
            Map.entry(ROW_CURRENCY, "currency must be a three-letter ISO 4217 code such as USD, EUR or CNY, got "
                    + "''{0}''"),
            Map.entry(ROW_CURRENCY_EMPTY, "currency is empty but the row has an amount; say which currency it is in "
                    + "(e.g. USD)"),
            Map.entry(ROW_CURRENCY_COLUMN_MISSING, "the file has {0,column} but no currency column; add a currency "
                    + "column (e.g. USD) so the amount can be read"),
            Map.entry(ROW_ROWS_DIFFER, "{0,column} is ''{1}'' here but ''{2}'' in row {3}; every row of order {4} "
                    + "must have the same {0,column}"),
            Map.entry(ROW_ROWS_DIFFER_ADDRESS, "{0,column} is ''{1}'' here but ''{2}'' in row {3}; every row of "
                    + "order {4} must have the same ship-to address"),
            Map.entry(ROW_ROWS_DIFFER_ORDER_AMOUNT, "{0,column} is ''{1}'' here but ''{2}'' in row {3}; every row of "
                    + "order {4} must have the same {0,column} (it belongs to the order; unit_price is per row)"),
            Map.entry(ROW_LEFT_OUT, "{0,reasons}; this row is left out"),
            Map.entry(ROW_ORDER_LEFT_OUT, "{0,reasons}; order {1} is left out ({2,rows})"),
            Map.entry(INVALID_OPTIONS, "{0,reasons}"),
            Map.entry(OPTIONS_UNEXPECTED, "Unexpected ''{0}''. Usage: {1}"),
            Map.entry(OPTIONS_UNEXPECTED_OPTIONS, "Unexpected ''{0}''. Options: {1}"),
            Map.entry(OPTIONS_NEEDS_VALUE_USAGE, "{0} needs a value. Usage: {1}"),
            Map.entry(OPTIONS_NEEDS_VALUE, "{0} needs a value."),
            Map.entry(OPTIONS_TWICE, "{0} is given twice; give it once."),
            Map.entry(OPTIONS_EXCLUSIVE, "Choose {0} or {1}, not both."),
            Map.entry(OPTIONS_RESET_ALONE, "Give --reset alone, or changes without it."),
            Map.entry(OPTIONS_NOTHING_SAVED, "Nothing was saved"),
            Map.entry(OPTIONS_USAGE, "Usage: {0}"),
            Map.entry(OPTIONS_CATEGORY, "--category ''{0}'' is not one of {1}"),
            Map.entry(OPTIONS_NEEDS_SKU, "{0} ''{1}'' needs SKU=VALUE"),
            Map.entry(OPTIONS_NO_LINE, "the declaration has no line of SKU {0}"),
            Map.entry(OPTIONS_NOT_NUMBER, "{0} {1} is not a number"),
            Map.entry(OPTIONS_ALIAS_STORE, "With --store give PLATFORM_SKU and SKU only: sku-alias --store STORE "
                    + "PLATFORM_SKU SKU"),
            Map.entry(OPTIONS_ALIAS_REMOVE, "--remove needs STORE and PLATFORM_SKU."),
            Map.entry(OPTIONS_ALIAS_SKU, "Give the Waybill SKU the platform SKU stands for: sku-alias STORE "
                    + "PLATFORM_SKU SKU"),
            Map.entry(REASON_INVALID, "The reason contains a control character."));

    /** The sentence around a list code's joined items, in English ({@code {0}} = the items). */
    private static final Map<String, String> ENGLISH_LIST = Map.of(SHORTAGES, "{0}", OUT_OF_STOCK,
            "Out of stock: {0}", ADDRESS_CORRECTED, "Ship-to address corrected ({0})", CUSTOMS_CHANGED,
            "Customs declaration edited: {0}", INVALID_PRODUCT, "The product was not saved: {0}", INVALID_ADDRESS,
            "{0}", CONFLICT_ORDERS, "{0}", CONFLICT_ORDERS_WITH_ID, "{0}");

    /** Every code defined here. */
    public static final Set<String> CODES = ENGLISH.keySet();

    public Reason {
        params = params == null ? List.of() : params.stream().map(p -> p == null ? "" : p).toList();
    }

    public static Reason of(String code, Object... params) {
        List<String> values = new ArrayList<>();
        for (Object p : params) {
            values.add(p == null ? "" : String.valueOf(p));
        }
        return new Reason(code, values);
    }

    /**
     * A reason whose one param is other reasons ({@link #encode(List)}, {@code {0,reasons}}): a refusal such as
     * {@link #UNREADABLE_FILE} or {@link #INVALID_OPTIONS} naming its problems. Since 1.15.
     */
    public static Reason nesting(String code, Reason... problems) {
        return new Reason(code, List.of(encode(List.of(problems))));
    }

    /** The English template of a code (of one item for a list code), or null for an unknown code. */
    public static String englishTemplate(String code) {
        return ENGLISH.get(code);
    }

    /**
     * What joins a list code's items in English: {@code "; "} for the lists whose items are sentences with commas of
     * their own ({@link #INVALID_PRODUCT}, {@link #INVALID_ADDRESS}), else {@code ", "}.
     */
    public static String listSeparator(String code) {
        return INVALID_PRODUCT.equals(code) || INVALID_ADDRESS.equals(code) ? "; " : ", ";
    }

    /** The English sentence around a list code's items, or null when the code is not a list. */
    public static String englishListTemplate(String code) {
        return ENGLISH_LIST.get(code);
    }

    /** The reason in English, for the shell, logs and the stored REASON text. */
    public String english() {
        String template = ENGLISH.get(code);
        if (template == null) {
            return code + (params.isEmpty() ? "" : " " + params);
        }
        Integer group = LISTS.get(code);
        if (group == null) {
            return fill(template, params);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i + group <= params.size(); i += group) {
            items.add(fill(template, params.subList(i, i + group)));
        }
        return fill(ENGLISH_LIST.get(code), List.of(String.join(listSeparator(code), items)));
    }

    /**
     * Replaces {@code {n}} and {@code {n,number,integer}} with {@code values[n]} as they are, {@code {n,weight}} (grams)
     * with the weight as {@link Weights} shows it ({@code 0.800 kg}), and {@code ''} with {@code '}: the templates are
     * MessageFormat patterns (a user interface formats the numbers in the user's language; the weight type is Waybill's
     * own, formatted by the UI with {@link Weights} too), read here without formatting.
     */
    public static String fill(String template, List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '\'' && i + 1 < template.length() && template.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (ch == '{') {
                int end = template.indexOf('}', i);
                int n = end < 0 ? -1 : index(template.substring(i + 1, end));
                if (n < 0) {
                    out.append(ch);
                } else {
                    String value = n < values.size() ? values.get(n) : "";
                    String spec = template.substring(i + 1, end);
                    out.append(spec.endsWith(",weight") ? weight(value) : spec.endsWith(",status") ? status(value)
                            : spec.endsWith(",verb") ? verb(value) : spec.endsWith(",field") ? fieldName(value)
                            : spec.endsWith(",reasons") ? englishOf(value)
                            : spec.endsWith(",rows") ? rows(value)
                            : spec.endsWith(",column") ? value
                            : value);
                    i = end;
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** How many rows a {@code {n,rows}} param lists before "and N more". */
    public static final int ROWS_LISTED = 5;

    /** The row numbers of a {@code {n,rows}} param (comma-separated; blanks and non-numbers skipped). */
    public static List<String> rowNumbers(String value) {
        List<String> out = new ArrayList<>();
        for (String r : value == null ? new String[0] : value.split(",")) {
            if (!r.isBlank()) {
                out.add(r.strip());
            }
        }
        return out;
    }

    /**
     * A rows param ({@code {n,rows}}: an order's row numbers, comma-separated) in English: {@code "no row"},
     * {@code "row 3"}, {@code "rows 3, 5"}, {@code "rows 1, 2, 3, 4, 5 and 2 more"}.
     */
    public static String rows(String value) {
        List<String> rows = rowNumbers(value);
        if (rows.isEmpty()) {
            return "no row";
        }
        String listed = String.join(", ", rows.subList(0, Math.min(ROWS_LISTED, rows.size())));
        return (rows.size() == 1 ? "row " : "rows ") + listed
                + (rows.size() > ROWS_LISTED ? " and " + (rows.size() - ROWS_LISTED) + " more" : "");
    }

    /** A status param (a {@link PackageStatus} name) in English: {@code "sync failed"}. */
    public static String status(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * A verb param (the {@link PackageStatus} a package was to move to) in English, as what that move does:
     * {@code "allocated"}, {@code "uploaded to a carrier"}; an unknown name stays as it is.
     */
    public static String verb(String target) {
        PackageStatus to;
        try {
            to = PackageStatus.valueOf(target);
        } catch (IllegalArgumentException unknown) {
            return target;
        }
        return switch (to) {
            case ALLOCATED, OUT_OF_STOCK -> "allocated";
            case VOIDED -> "voided";
            case AWAITING_TRACKING, TRACKED, UPLOAD_FAILED -> "uploaded to a carrier";
            case PRINTED -> "printed";
            case SHIPPED -> "shipped";
            case SYNCED, SYNC_FAILED -> "synchronised";
            case WAITING -> "put back to waiting";
            case SKU_UNMATCHED -> "held for an unmatched SKU";
            case HELD -> "held for review";
            case MERGED -> "merged";
        };
    }

    /** A field param ({@code {n,field}}: what an edit changed, e.g. {@code hs_code}) in English; unknown keys as they are. */
    public static String fieldName(String key) {
        return FIELDS.getOrDefault(key, key);
    }

    /** A weight param (grams) as {@link Weights} shows it; a value that is not a number stays as it is. */
    public static String weight(String grams) {
        try {
            return Weights.format(Integer.parseInt(grams.strip()));
        } catch (NumberFormatException notGrams) {
            return grams;
        }
    }

    private static int index(String spec) {
        int comma = spec.indexOf(',');
        String s = comma < 0 ? spec : spec.substring(0, comma);
        if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    /** The params as stored in one column: separated by U+001F (a control character never in the values). */
    public String encodedParams() {
        return String.join("\u001f", params);
    }

    /** The params of {@link #encodedParams()}. */
    public static List<String> decodeParams(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        return List.of(encoded.split("\u001f", -1));
    }

    /**
     * Several reasons as one param (of {@code {n,reasons}}): each its code and params separated by U+001D, the reasons
     * by U+001C (control characters never in the values, nor the U+001F of {@link #encodedParams()}). A param that is
     * itself encoded reasons (a reason nested in a nested one, since 1.18) has its separators escaped with U+001B, so
     * reasons nest to any depth; a text without U+001B..U+001D encodes as before.
     */
    public static String encode(List<Reason> reasons) {
        List<String> each = new ArrayList<>();
        for (Reason r : reasons) {
            List<String> parts = new ArrayList<>();
            parts.add(escape(r.code()));
            r.params().forEach(p -> parts.add(escape(p)));
            each.add(String.join("\u001d", parts));
        }
        return String.join("\u001c", each);
    }

    /** The reasons of {@link #encode(List)}. */
    public static List<Reason> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<Reason> out = new ArrayList<>();
        for (String one : encoded.split("\u001c", -1)) {
            List<String> parts = new ArrayList<>();
            for (String part : one.split("\u001d", -1)) {
                parts.add(unescape(part));
            }
            out.add(new Reason(parts.get(0), parts.subList(1, parts.size())));
        }
        return out;
    }

    private static final char ESCAPE = '\u001b';

    /** U+001B, U+001C and U+001D as U+001B followed by 0, 1 or 2. */
    private static String escape(String text) {
        if (text.indexOf(ESCAPE) < 0 && text.indexOf('\u001c') < 0 && text.indexOf('\u001d') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ESCAPE -> out.append(ESCAPE).append('0');
                case '\u001c' -> out.append(ESCAPE).append('1');
                case '\u001d' -> out.append(ESCAPE).append('2');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text of {@link #escape}; a U+001B followed by anything else stays as it is. */
    private static String unescape(String text) {
        if (text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c == ESCAPE && next >= '0' && next <= '2') {
                out.append(next == '0' ? ESCAPE : next == '1' ? '\u001c' : '\u001d');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A scale's status as a reason: the SPI device 1.1 {@code DeviceStatus} code prefixed {@code scale_}, with its
     * params; null when the status has no code or one this version does not know (then its detail is shown as it is).
     */
    public static Reason ofScale(String deviceCode, List<String> params) {
        if (deviceCode == null || deviceCode.isBlank() || !ENGLISH.containsKey(SCALE_PREFIX + deviceCode)) {
            return null;
        }
        return new Reason(SCALE_PREFIX + deviceCode, params);
    }

    private static final String SCALE_PREFIX = "scale_";

    /** An order-file plugin's code (SPI platform 1.7 OrderFileParser) -> the reason and how many params it takes. */
    private static final Map<String, Map.Entry<String, Integer>> FILE_CODES = Map.ofEntries(
            Map.entry("empty_file", Map.entry(FILE_EMPTY, 0)), Map.entry("header_empty", Map.entry(FILE_HEADER_EMPTY, 0)),
            Map.entry("file_too_large", Map.entry(FILE_SIZE, 2)), Map.entry("too_many_rows", Map.entry(FILE_ROWS, 1)),
            Map.entry("bad_encoding", Map.entry(FILE_ENCODING, 3)),
            Map.entry("bad_encoding_utf16", Map.entry(FILE_ENCODING_UTF16, 2)),
            Map.entry("bad_encoding_truncated", Map.entry(FILE_ENCODING_TRUNCATED, 2)),
            Map.entry("bad_encoding_utf16_no_bom", Map.entry(FILE_ENCODING_UTF16_NO_BOM, 1)),
            Map.entry("duplicate_column", Map.entry(FILE_COLUMN_TWICE, 5)),
            Map.entry("bad_config", Map.entry(FILE_PLUGIN_SETTING, 3)),
            Map.entry("parse_error", Map.entry(FILE_PLUGIN_ERROR, 2)));

    /**
     * Why an order file cannot be read, as its plugin said it (an SPI platform 1.7 {@code OrderFileParser} code and
     * the ERROR message's params) or null when the code is not one of those, or its params do not fit it (then the
     * plugin's own text is shown, {@link #FILE_PLUGIN}). A problem in the header row (row 0) has its own sentence.
     * Since 1.18.
     */
    public static Reason ofFile(String code, List<String> params) {
        if (code == null || params == null) {
            return null;
        }
        switch (code) {
            case "missing_columns" -> {
                if (params.size() < 3 || params.size() % 2 == 0) {
                    return null;
                }
                List<Reason> columns = new ArrayList<>();
                for (int i = 1; i + 1 < params.size(); i += 2) {
                    columns.add(new Reason(FILE_COLUMN_NAMES, List.of(params.get(i), params.get(i + 1))));
                }
                return new Reason(FILE_COLUMNS_MISSING, List.of(encode(columns), params.get(0)));
            }
            case "unclosed_quote", "text_after_quote", "malformed_csv" -> {
                boolean malformed = code.equals("malformed_csv");
                if (params.size() != (malformed ? 2 : 1) || !params.get(0).strip().matches("\\d{1,10}")) {
                    return null;
                }
                boolean header = Long.parseLong(params.get(0).strip()) == 0;
                String reason = switch (code) {
                    case "unclosed_quote" -> header ? FILE_QUOTE_UNCLOSED_HEADER : FILE_QUOTE_UNCLOSED;
                    case "text_after_quote" -> header ? FILE_TEXT_AFTER_QUOTE_HEADER : FILE_TEXT_AFTER_QUOTE;
                    default -> header ? FILE_MALFORMED_HEADER : FILE_MALFORMED;
                };
                return new Reason(reason, header ? params.subList(1, params.size()) : params);
            }
            default -> {
                Map.Entry<String, Integer> known = FILE_CODES.get(code);
                return known == null || known.getValue() != params.size() ? null : new Reason(known.getKey(), params);
            }
        }
    }

    /** How many params each row_* code takes: a row problem with other params is shown as the plugin wrote it. */
    private static final Map<String, Integer> ROW_PARAMS = Map.ofEntries(Map.entry(ROW_FIELD_COUNT, 2),
            Map.entry(ROW_LINE_BREAK, 3), Map.entry(ROW_TAB, 3), Map.entry(ROW_NUL, 3), Map.entry(ROW_CONTROL_CHAR, 3),
            Map.entry(ROW_REPLACEMENT_CHAR, 3), Map.entry(ROW_ORDER_NO_EMPTY, 0), Map.entry(ROW_EMPTY, 1),
            Map.entry(ROW_QUANTITY, 1), Map.entry(ROW_ORDER_DATE, 1), Map.entry(ROW_SHIP_BY, 1),
            Map.entry(ROW_COUNTRY, 1), Map.entry(ROW_FLAG, 2), Map.entry(ROW_AMOUNT, 2), Map.entry(ROW_CURRENCY, 1),
            Map.entry(ROW_CURRENCY_EMPTY, 0), Map.entry(ROW_CURRENCY_COLUMN_MISSING, 1), Map.entry(ROW_ROWS_DIFFER, 5),
            Map.entry(ROW_ROWS_DIFFER_ADDRESS, 5), Map.entry(ROW_ROWS_DIFFER_ORDER_AMOUNT, 5));

    private static final String ROW_PREFIX = "row_";

    /**
     * An order file's row problem as a reason: the SPI platform 1.5 {@code ParsedOrderFile.Problem} code prefixed
     * {@code row_}, with its params; null when the problem has no code, one this version does not know, or params
     * that do not fit it (then the plugin's own text is shown). Since 1.17.
     */
    public static Reason ofFileRow(String code, List<String> params) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Integer count = ROW_PARAMS.get(ROW_PREFIX + code);
        if (count == null || params == null || params.size() != count) {
            return null;
        }
        return new Reason(ROW_PREFIX + code, params);
    }

    /**
     * A row problem with what the file plugin left out because of it (since 1.17): the row alone ({@code orderNo}
     * null) or the order with its rows.
     */
    public static Reason leftOut(Reason problem, String orderNo, List<Integer> rows) {
        if (orderNo == null) {
            return nesting(ROW_LEFT_OUT, problem);
        }
        List<String> numbers = new ArrayList<>();
        (rows == null ? List.<Integer>of() : rows).forEach(r -> numbers.add(String.valueOf(r)));
        return new Reason(ROW_ORDER_LEFT_OUT, List.of(encode(List.of(problem)), orderNo, String.join(",", numbers)));
    }

    /** Encoded reasons ({@link #encode(List)}) in English, joined with "; ". */
    private static String englishOf(String encoded) {
        List<String> each = new ArrayList<>();
        for (Reason r : decode(encoded)) {
            each.add(r.english());
        }
        return String.join("; ", each);
    }
}
