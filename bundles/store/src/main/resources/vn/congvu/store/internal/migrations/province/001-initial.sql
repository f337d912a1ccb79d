-- Province node, schema version 1: imported records, filed reports and the outbox.
CREATE TABLE imports (
  import_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_type  VARCHAR(64) NOT NULL,
  source_name  VARCHAR(1000) NOT NULL,
  sha256       CHAR(64) NOT NULL,
  record_count INT NOT NULL,
  imported_at  TIMESTAMP NOT NULL,
  CONSTRAINT imports_same_file UNIQUE (record_type, sha256)
);
-- Fields are kept in the record type's column order, separated by U+001F, which intake never accepts in text.
CREATE TABLE records (
  record_type VARCHAR(64) NOT NULL,
  record_key  VARCHAR(256) NOT NULL,
  import_id   BIGINT NOT NULL REFERENCES imports (import_id),
  fields      VARCHAR(32672) NOT NULL,
  PRIMARY KEY (record_type, record_key)
);
CREATE TABLE reports (
  report_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code CHAR(2) NOT NULL,
  period        VARCHAR(16) NOT NULL,
  regime        VARCHAR(16) NOT NULL,
  revision      INT NOT NULL,
  content_hash  CHAR(64) NOT NULL,
  prepared_at   TIMESTAMP NOT NULL,
  CONSTRAINT reports_revision UNIQUE (province_code, period, regime, revision)
);
CREATE TABLE report_modules (
  report_id  BIGINT NOT NULL REFERENCES reports (report_id),
  module_id  VARCHAR(200) NOT NULL,
  version    VARCHAR(100) NOT NULL,
  jar_sha256 VARCHAR(64) NOT NULL,
  PRIMARY KEY (report_id, module_id)
);
CREATE TABLE report_values (
  report_id      BIGINT NOT NULL REFERENCES reports (report_id),
  code           VARCHAR(200) NOT NULL,
  disaggregation VARCHAR(1000) NOT NULL,
  amount         DECIMAL(31, 6) NOT NULL,
  PRIMARY KEY (report_id, code, disaggregation)
);
CREATE TABLE outbox (
  entry_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id   BIGINT NOT NULL UNIQUE REFERENCES reports (report_id),
  state       VARCHAR(16) NOT NULL,
  attempts    INT NOT NULL DEFAULT 0,
  last_error  VARCHAR(2000),
  receipt_id  VARCHAR(100),
  accepted_at TIMESTAMP,
  problems    CLOB
);
CREATE INDEX outbox_state ON outbox (state, entry_id);
