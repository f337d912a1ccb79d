-- Schema version 7: who signed the jar of each rule module a province node runs, as the node verified it
-- before installing it (at most 500 characters, as the ministry validates it). The modules of inventories
-- recorded before, and of nodes too old to say, have the empty text: not said.
ALTER TABLE node_modules ADD COLUMN signer VARCHAR(1000) NOT NULL DEFAULT '';
