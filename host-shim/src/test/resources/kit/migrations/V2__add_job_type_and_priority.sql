-- 8.4.1: jobs carry a type and a scheduling priority.
ALTER TABLE t_job_meta ADD COLUMN job_type varchar(32) REFERENCES t_job_type (code);
ALTER TABLE t_job_meta ADD COLUMN priority integer NOT NULL DEFAULT 5;

INSERT INTO t_job_type (code, label) VALUES ('SQL', 'SQL script');
UPDATE t_job_meta SET job_type = 'ETL' WHERE job_type IS NULL;
