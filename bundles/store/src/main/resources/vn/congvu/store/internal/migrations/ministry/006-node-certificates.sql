-- Schema version 6: every certificate each province node has presented over mutual TLS, with when it was
-- first and last seen (last seen is brought up to date when the ministry next sees another certificate).
CREATE TABLE node_certificates (
  province_code CHAR(2) NOT NULL,
  serial_hex    VARCHAR(64) NOT NULL,
  subject       VARCHAR(1000) NOT NULL,
  not_after     TIMESTAMP NOT NULL,
  first_seen    TIMESTAMP NOT NULL,
  PRIMARY KEY (province_code, serial_hex)
);
