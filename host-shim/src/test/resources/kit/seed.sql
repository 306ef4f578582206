-- Recognisable operator data of the sample install: what an upgrade must keep.
INSERT INTO t_user (user_name, full_name, email, password_md5, is_admin) VALUES
    ('admin', 'ELTM Administrator', 'admin@example.com', md5('admin-sample'), true),
    ('jdoe',  'Jane Doe',           'jdoe@example.com',  md5('jdoe-sample'),  false);

INSERT INTO t_jdbc (connection_name, url, driver_class, user_name, password64) VALUES
    ('dwh',   'jdbc:postgresql://dwh.example.com:5432/dwh', 'org.postgresql.Driver', 'etl', 'ZXRsLXNhbXBsZQ=='),
    ('sales', 'jdbc:sqlserver://sales.example.com:1433;databaseName=sales',
              'com.microsoft.sqlserver.jdbc.SQLServerDriver', 'reader', 'cmVhZGVyLXNhbXBsZQ==');

INSERT INTO t_connection_general (connection_name, connection_type, connection_parameters) VALUES
    ('landing-s3', 'S3', 'YnVja2V0PWxhbmRpbmc7cmVnaW9uPWV1LXdlc3QtMQ==');

INSERT INTO t_job_meta (job_name, description, job_definition, connection_name, schedule_cron, created_by) VALUES
    ('daily_sales',  'Loads yesterday''s sales into the DWH', '<job name="daily_sales"/>',  'sales', '0 2 * * *',  'jdoe'),
    ('nightly_dwh',  'Rebuilds the DWH aggregates',           '<job name="nightly_dwh"/>',  'dwh',   '0 3 * * *',  'admin'),
    ('customer_cdc', 'Streams customer changes',              '<job name="customer_cdc"/>', 'sales', '*/5 * * * *', 'jdoe');

INSERT INTO t_job_meta_history (job_name, job_definition, saved_by, comment)
SELECT job_name, job_definition, created_by, 'first version' FROM t_job_meta;
INSERT INTO t_job_meta_history (job_name, job_definition, saved_by, comment) VALUES
    ('daily_sales', '<job name="daily_sales" retries="3"/>', 'jdoe', 'retry on failure');

INSERT INTO t_job_alert_setting (job_name, alert_on, recipients) VALUES
    ('nightly_dwh', 'FAILURE', 'ops@example.com');

INSERT INTO t_job_permissions (job_name, user_name, permission) VALUES
    ('daily_sales', 'jdoe', 'OWNER'), ('nightly_dwh', 'jdoe', 'RUN');

INSERT INTO t_workflow_item (workflow_name, batch_no, job_name, run_order) VALUES
    ('nightly', 1, 'daily_sales', 1), ('nightly', 2, 'nightly_dwh', 1);

INSERT INTO t_step_watermark (job_name, step_name, watermark_value) VALUES
    ('daily_sales',  'extract_orders',    '2026-11-25T23:59:59Z'),
    ('customer_cdc', 'read_changes',      'lsn:0/1A2B3C4D'),
    ('nightly_dwh',  'load_fact_sales',   '981234');

INSERT INTO t_step_run_detail (run_id, job_name, step_name, rows_read, rows_written, started_at, finished_at)
VALUES ('6f1c2a9e-3b1d-4c55-9a0e-1f2d3c4b5a69', 'daily_sales', 'extract_orders', 12034, 12034,
        '2026-11-26T02:00:00Z', '2026-11-26T02:03:12Z');

INSERT INTO t_service_audit (service, operation, user_name, detail) VALUES
    ('MaestroMetaService', 'SAVE_JOB', 'jdoe', 'daily_sales');
