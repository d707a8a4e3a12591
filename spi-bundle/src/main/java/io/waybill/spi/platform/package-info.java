/** Contract a marketplace (platform) plugin implements: capture orders since a cursor, confirm shipments.
 * 1.1: {@code MarketplaceConnector.rateLimit}. 1.2: {@code MarketplaceConnector.testConnection},
 * {@code PlatformOrder.Value} and the lines' unit price / currency (the order value). 1.3: the buyer's note
 * ({@code PlatformOrder.Value.buyerNote}) and the marketplace's IOSS number
 * ({@code PlatformOrder.Value.marketplaceIoss}). 1.4: the items a package of a split order carries
 * ({@code ShipmentConfirmation.items}). 1.5: an order file's problems as data
 * ({@code ParsedOrderFile.Problem.code}, {@code params}, {@code leftOut}; {@code ParsedOrderFile.LeftOut}). 1.6: the marketplace's own line id of an order line
 * ({@code PlatformOrder.Line.lineId}) and of a partial shipment's item ({@code ShipmentConfirmation.Item.lineId}).
 * 1.7: why a whole order file cannot be read as data ({@code OrderFileParser.EMPTY_FILE} ... {@code PARSE_ERROR}, their params in
 * the failed result's {@code Message.params}, SPI common 1.3). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package io.waybill.spi.platform;
