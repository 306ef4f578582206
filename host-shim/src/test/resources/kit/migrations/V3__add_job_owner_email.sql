-- 8.4.2: alerting mails the job's owner.
ALTER TABLE t_job_meta ADD COLUMN owner_email varchar(320);
