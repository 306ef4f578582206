-- Undoes V4 for a downgrade below 8.4.2.
DROP TABLE t_job_tag;
