-- Waybill schema version 10: unmatched SKUs do not lose orders (issue 12 item 5). An order line whose platform SKU
-- is neither a Waybill SKU nor an alias of the order's store is kept here, with the SKU as the marketplace sent it,
-- while its package waits in status SKU_UNMATCHED. Mapping the platform SKU (an alias, WB_SKU_ALIAS) moves the line
-- into WB_ORDER_LINE with the SKU it stands for, keeping its LINE_NO. WB_ORDER_LINE.SKU_ID stays NOT NULL, so every
-- query of matched lines is unchanged. Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
CREATE TABLE WB_UNMATCHED_LINE (
  ID BIGINT NOT NULL PRIMARY KEY,
  ORDER_ID BIGINT NOT NULL REFERENCES WB_ORDER (ID),
  LINE_NO INTEGER NOT NULL,
  PLATFORM_SKU VARCHAR(100) NOT NULL,
  QUANTITY INTEGER NOT NULL,
  UNIT_PRICE DECIMAL(19, 4),
  CURRENCY VARCHAR(3),
  CONSTRAINT CK_UNMATCHED_QTY CHECK (QUANTITY > 0),
  CONSTRAINT UQ_UNMATCHED_LINE UNIQUE (ORDER_ID, LINE_NO)
);
CREATE INDEX IX_UNMATCHED_SKU ON WB_UNMATCHED_LINE (PLATFORM_SKU);
