-- Schema version 8: the indicator codes each rule module produces, as the province node that runs it said in its
-- inventories, by the SHA-256 of the module's jar: a jar's outputs never change, so they are written once and
-- kept for good, after the node has moved to another version, for the reports that jar computed (a report names
-- its modules by id, version and jar SHA-256). Kept per province: what one node says answers for its own reports
-- only, so no node can change which module is said to have computed another province's figures. Identifiers are
-- at most 128 characters (validated).
CREATE TABLE module_outputs (
  province_code CHAR(2) NOT NULL,
  jar_sha256    VARCHAR(64) NOT NULL,
  module_id     VARCHAR(200) NOT NULL,
  code          VARCHAR(200) NOT NULL,
  PRIMARY KEY (province_code, jar_sha256, module_id, code)
);
