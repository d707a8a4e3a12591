-- Waybill schema version 32 (issue 18): the marketplace's IOSS number of an order (SPI platform 1.3,
-- PlatformOrder.Value.marketplaceIoss), e.g. Amazon's IossNumber of the order items when Amazon collected the EU
-- import VAT as the deemed supplier. The package's customs declaration then carries it instead of the store's IOSS
-- number (CustomsServiceImpl). Nullable: orders captured before, and marketplaces that give none, have none.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_ORDER ADD COLUMN MARKETPLACE_IOSS VARCHAR(40);
