-- A report's figures are kept in one text column, a line per figure (code, disaggregation, amount,
-- tab-separated, escaped): one row per figure made storing a full report (over a hundred figures) cost a
-- hundred inserts. Reports stored before keep their rows in report_values, which readers still use.
ALTER TABLE reports ADD COLUMN values_text CLOB(16M);
