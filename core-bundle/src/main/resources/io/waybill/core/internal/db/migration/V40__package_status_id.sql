-- Waybill schema version 40 (issue 15 item 2): a batch action over a whole "select all" selection (250,000 packages
-- of a tab) walks the tab's filter page by page by key: the ids after the last one handled, in id order
-- (PackageService.idsAfter). With this index such a page is one range of (status, id) read in order, however far the
-- walk has gone; without it Derby read the status's packages by creation time and sorted them for every page.
-- Derby and PostgreSQL alike.
CREATE INDEX IX_PACKAGE_STATUS_ID ON WB_PACKAGE (STATUS, ID);
