-- Schema version 3: what each province node runs (its latest inventory) and when it was last heard from.
CREATE TABLE node_status (
  province_code CHAR(2) NOT NULL PRIMARY KEY,
  taken_at      TIMESTAMP NOT NULL,
  last_seen     TIMESTAMP NOT NULL
);
CREATE TABLE node_modules (
  province_code   CHAR(2) NOT NULL REFERENCES node_status (province_code),
  module_id       VARCHAR(200) NOT NULL,
  version         VARCHAR(100) NOT NULL,
  jar_sha256      VARCHAR(64) NOT NULL,
  module_province VARCHAR(2) NOT NULL,
  title_vi        VARCHAR(1000) NOT NULL,
  legal_basis     VARCHAR(2000) NOT NULL,
  since           TIMESTAMP NOT NULL,
  PRIMARY KEY (province_code, module_id)
);
