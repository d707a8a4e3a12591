-- Waybill schema version 25: a package's customs declaration as the operator edited it (issue 14, 报关). A package
-- without a row here declares what its products and its order say (built on every read, core.internal.customs);
-- saving the declaration on the package page writes the whole declaration here, and it is what the carrier gets
-- and the CN22/CN23 shows from then on. Editable until the package is uploaded. Portable SQL (Derby, PostgreSQL).
CREATE TABLE WB_PACKAGE_CUSTOMS (
  PACKAGE_ID BIGINT NOT NULL PRIMARY KEY REFERENCES WB_PACKAGE (ID),
  CATEGORY VARCHAR(20) NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  UPDATED_BY VARCHAR(100) NOT NULL
);
CREATE TABLE WB_PACKAGE_CUSTOMS_LINE (
  PACKAGE_ID BIGINT NOT NULL REFERENCES WB_PACKAGE_CUSTOMS (PACKAGE_ID),
  POSITION INTEGER NOT NULL,
  SKU VARCHAR(100) NOT NULL,
  DESCRIPTION_EN VARCHAR(200),
  DESCRIPTION_ZH VARCHAR(200),
  HS_CODE VARCHAR(10),
  QUANTITY INTEGER NOT NULL,
  UNIT_VALUE DECIMAL(19, 4),
  CURRENCY VARCHAR(3),
  ORIGIN_COUNTRY VARCHAR(2),
  NET_WEIGHT_GRAMS INTEGER NOT NULL,
  PRIMARY KEY (PACKAGE_ID, POSITION),
  CONSTRAINT CK_CUSTOMS_LINE CHECK (QUANTITY > 0 AND NET_WEIGHT_GRAMS >= 0
      AND (UNIT_VALUE IS NULL OR UNIT_VALUE >= 0))
);
