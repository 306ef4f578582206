-- Operator content of a legacy install, runtime tables full of rows, users with MD5 hashes.
-- Values that stress the format: tabs, newlines, backslashes, quotes, non-ASCII, NULLs.
INSERT INTO t_user (login, full_name, password_md5)
SELECT 'user' || i, 'User ' || i, md5('pw' || i || 'user' || i) FROM generate_series(1, 10) i;

INSERT INTO t_jdbc (connection_name, jdbc_url, driver_class, db_user, password64, jndi_name, created_at)
SELECT 'conn_' || i, 'jdbc:postgresql://dwh' || i || '.example.com:5432/dwh', 'org.postgresql.Driver', 'etl',
       encode(convert_to('S3cret-db-pass-' || i, 'UTF8'), 'base64'), 'jdbc/pool' || i,
       timestamp '2019-03-01 08:00:00' + i * interval '1 day'
  FROM generate_series(1, 20) i;

INSERT INTO t_connection_general (connection_name, connection_type, connection_parameters)
SELECT 'cloud_' || i, CASE WHEN i % 2 = 0 THEN 'S3' ELSE 'SSH' END,
       'host=h' || i || ';secret64=' || encode(convert_to('cloud-secret-' || i, 'UTF8'), 'base64')
  FROM generate_series(1, 5) i;

INSERT INTO t_job_meta (job_name, connection_name, job_desc, owner_name, job_definition, timeout_sec, is_active,
                        glassfish_pool, modified_at)
SELECT 'job_' || i, 'conn_' || (1 + i % 20),
       CASE WHEN i % 7 = 0 THEN NULL ELSE 'Loads fact table ' || i || E' \u00e9t\u00e9 \u2013 "quoted"' END,
       'owner' || (i % 10),
       E'{"steps":[{"name":"extract","sql":"SELECT *\\tFROM src WHERE id > ?"},\n {"name":"load","path":"C:\\\\data\\\\in"}]}'
           || repeat(' pad', i % 50),
       CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 60)::text END,
       CASE WHEN i % 9 = 0 THEN 'N' ELSE 'Y' END,
       'pool' || (i % 3),
       timestamp '2021-01-01 00:00:00' + i * interval '1 hour'
  FROM generate_series(1, 200) i;

INSERT INTO t_job_meta_history (version_key, job_name, job_definition, saved_by, saved_at)
SELECT i, 'job_' || (1 + i % 200), '{"version":' || i || ',"steps":["extract","load"]}' || repeat('x', i % 300),
       'owner' || (i % 10), timestamp '2020-01-01 00:00:00' + i * interval '1 minute'
  FROM generate_series(1, 2000) i;
-- the guide's hazard: the sequence behind the highest version_key
SELECT setval('seq_job_version_id', 1500);

INSERT INTO t_job_alert_setting (job_name, alert_on, recipients)
SELECT 'job_' || i, 'FAILURE', 'ops' || i || '@example.com' FROM generate_series(1, 50) i;

INSERT INTO t_job_permissions (job_name, login, permission)
SELECT 'job_' || (1 + i % 200), 'user' || (1 + i % 10), CASE WHEN i % 2 = 0 THEN 'RUN' ELSE 'EDIT' END
  FROM generate_series(1, 100) i;

INSERT INTO t_workflow_item (workflow_name, position, job_name, batch_no)
SELECT 'nightly_' || (i % 10), i, 'job_' || (1 + i % 200), i % 4 FROM generate_series(1, 150) i;

INSERT INTO t_step_watermark (job_name, step_name, watermark_value, updated_epoch)
SELECT 'job_' || (1 + i / 2), 'step_' || (i % 2),
       CASE WHEN i % 10 = 0 THEN '' ELSE '2024-06-' || lpad((1 + i % 28)::text, 2, '0') || 'T00:00:00|id=' || i * 1000 END,
       1717200000000 + i * 1000
  FROM generate_series(0, 399) i;

INSERT INTO t_workflow_state_history (workflow_name, state) SELECT 'nightly_' || (i % 10), 'DONE' FROM generate_series(1, 5000) i;
INSERT INTO t_step_run_detail (job_name, step_name, rows_read) SELECT 'job_' || (i % 200), 'extract', i FROM generate_series(1, 5000) i;
INSERT INTO t_step_status (job_name, step_name, status) SELECT 'job_' || i, 'extract', 'OK' FROM generate_series(1, 200) i;
INSERT INTO t_service_audit (operation) SELECT 'login' FROM generate_series(1, 3000) i;
INSERT INTO t_jdbc_database (connection_name, name) SELECT 'conn_' || (1 + i % 20), 'db' || i FROM generate_series(1, 100) i;
INSERT INTO t_jdbc_schema (database_id, name) SELECT i, 'public' FROM generate_series(1, 100) i;
INSERT INTO t_jdbc_table (schema_id, name) SELECT 1 + i % 100, 'table' || i FROM generate_series(1, 1000) i;
INSERT INTO t_jdbc_column (table_id, name, type) SELECT 1 + i % 1000, 'col' || i, 'text' FROM generate_series(1, 5000) i;
