-- Undoes V3 for a downgrade below 8.4.2.
ALTER TABLE t_job_meta DROP COLUMN owner_email;
