-- Schema version 10: the latest refusal of each report key whose province was known (the report's content broke
-- the ministry's checks, so it was not stored), for the reporting calendar: a refused report is not a missing one.
-- One row per key: a later refusal replaces the earlier one.
CREATE TABLE report_refusals (
  province_code CHAR(2) NOT NULL,
  period        VARCHAR(16) NOT NULL,
  regime        VARCHAR(16) NOT NULL,
  revision      INT NOT NULL,
  refused_at    TIMESTAMP NOT NULL,
  problem_count INT NOT NULL,
  problems      CLOB(1M) NOT NULL,
  PRIMARY KEY (province_code, period, regime)
);
