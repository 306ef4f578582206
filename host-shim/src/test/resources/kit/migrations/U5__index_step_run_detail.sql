-- Undoes V5 (8.7.0).
DROP INDEX ix_step_run_detail_started;
