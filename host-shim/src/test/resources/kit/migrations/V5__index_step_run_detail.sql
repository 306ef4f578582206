-- 8.7.0: run-detail lookups by start time.
CREATE INDEX ix_step_run_detail_started ON t_step_run_detail (started_at);
