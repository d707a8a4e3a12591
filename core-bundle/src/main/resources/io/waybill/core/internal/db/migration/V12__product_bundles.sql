-- Waybill schema version 12: bundles (kits). A product with components is a bundle: it has no stock of its own;
-- allocating a package line of a bundle reserves its components (line quantity x component quantity, nested
-- bundles expanded to their plain components). WB_PACKAGE_COMPONENT records, per package, the component units its
-- bundle lines reserved at allocation, so void and ship release/consume exactly those even when the bundle's
-- composition is edited later. A bundle's WEIGHT_GRAMS 0 means "the sum of its components".
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 15+.
CREATE TABLE WB_SKU_COMPONENT (
  BUNDLE_SKU_ID BIGINT NOT NULL REFERENCES WB_SKU (ID),
  COMPONENT_SKU_ID BIGINT NOT NULL REFERENCES WB_SKU (ID),
  QUANTITY INTEGER NOT NULL,
  POSITION INTEGER NOT NULL,
  PRIMARY KEY (BUNDLE_SKU_ID, COMPONENT_SKU_ID),
  CONSTRAINT CK_SKU_COMPONENT_QTY CHECK (QUANTITY > 0),
  CONSTRAINT CK_SKU_COMPONENT_SELF CHECK (BUNDLE_SKU_ID <> COMPONENT_SKU_ID)
);
CREATE INDEX IX_SKU_COMPONENT_PART ON WB_SKU_COMPONENT (COMPONENT_SKU_ID);

CREATE TABLE WB_PACKAGE_COMPONENT (
  PACKAGE_ID BIGINT NOT NULL REFERENCES WB_PACKAGE (ID),
  BUNDLE_SKU_ID BIGINT NOT NULL REFERENCES WB_SKU (ID),
  COMPONENT_SKU_ID BIGINT NOT NULL REFERENCES WB_SKU (ID),
  QUANTITY INTEGER NOT NULL,
  PRIMARY KEY (PACKAGE_ID, BUNDLE_SKU_ID, COMPONENT_SKU_ID),
  CONSTRAINT CK_PACKAGE_COMPONENT_QTY CHECK (QUANTITY > 0)
);
