-- Schema version 9: the accounts of the ministry's web console. The password is kept only as a slow salted
-- hash (a PHC string naming its algorithm and parameters, so the parameters can be raised later).
CREATE TABLE console_accounts (
  name          VARCHAR(64) NOT NULL PRIMARY KEY,
  display_name  VARCHAR(200) NOT NULL,
  role          VARCHAR(16) NOT NULL CHECK (role IN ('ANALYST', 'ADMIN')),
  password_hash VARCHAR(400) NOT NULL,
  created_at    TIMESTAMP NOT NULL,
  last_sign_in  TIMESTAMP
);
