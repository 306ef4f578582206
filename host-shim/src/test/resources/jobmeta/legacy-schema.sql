-- A GlassFish-era audit DB: the same tables with the drift a real legacy install has.
--   t_jdbc.jndi_name, t_job_meta.glassfish_pool  extra columns the modern schema dropped
--   t_job_meta.owner_name                        renamed to owner (NOT NULL, no default, on the target)
--   t_job_meta.is_active char(1) 'Y'/'N'         became enabled boolean (rename and cast)
--   t_job_meta.timeout_sec varchar               became integer (cast)
--   t_job_meta.job_desc                          renamed to description (nullable: dropped unless mapped)
--   t_jdbc.created_at, history.saved_at          timestamp without time zone, now timestamptz (cast)
--   t_step_watermark.updated_epoch bigint (ms)   became updated_at timestamptz (expression)
CREATE SEQUENCE seq_job_version_id;

CREATE TABLE t_user (
    user_id      serial PRIMARY KEY,
    login        varchar(64) NOT NULL UNIQUE,
    full_name    varchar(200),
    password_md5 char(32)
);
CREATE TABLE t_jdbc (
    connection_name varchar(100) PRIMARY KEY,
    jdbc_url        varchar(1000) NOT NULL,
    driver_class    varchar(200) NOT NULL,
    db_user         varchar(100),
    password64      text,
    jndi_name       varchar(200),
    created_at      timestamp NOT NULL DEFAULT now()
);
CREATE TABLE t_connection_general (
    connection_name       varchar(100) PRIMARY KEY,
    connection_type       varchar(20) NOT NULL,
    connection_parameters text
);
CREATE TABLE t_job_meta (
    job_name        varchar(200) PRIMARY KEY,
    connection_name varchar(100) REFERENCES t_jdbc,
    job_desc        text,
    owner_name      varchar(64) NOT NULL,
    job_definition  text NOT NULL,
    timeout_sec     varchar(10),
    is_active       char(1) NOT NULL DEFAULT 'Y',
    glassfish_pool  varchar(100),
    modified_at     timestamp NOT NULL DEFAULT now()
);
CREATE TABLE t_job_meta_history (
    version_key    bigint PRIMARY KEY DEFAULT nextval('seq_job_version_id'),
    job_name       varchar(200) NOT NULL,
    job_definition text NOT NULL,
    saved_by       varchar(64),
    saved_at       timestamp NOT NULL DEFAULT now()
);
CREATE TABLE t_job_alert_setting (
    alert_id   serial PRIMARY KEY,
    job_name   varchar(200) NOT NULL REFERENCES t_job_meta,
    alert_on   varchar(20) NOT NULL,
    recipients text NOT NULL
);
CREATE TABLE t_job_permissions (
    job_name   varchar(200) NOT NULL REFERENCES t_job_meta,
    login      varchar(64) NOT NULL,
    permission varchar(20) NOT NULL,
    PRIMARY KEY (job_name, login, permission)
);
CREATE TABLE t_workflow_item (
    workflow_name varchar(200) NOT NULL,
    position      integer NOT NULL,
    job_name      varchar(200) NOT NULL REFERENCES t_job_meta,
    batch_no      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (workflow_name, position)
);
CREATE TABLE t_step_watermark (
    job_name        varchar(200) NOT NULL,
    step_name       varchar(200) NOT NULL,
    watermark_value text NOT NULL DEFAULT '',
    updated_epoch   bigint,
    PRIMARY KEY (job_name, step_name)
);

CREATE TABLE t_workflow_state_history (id bigserial PRIMARY KEY, workflow_name varchar(200), state varchar(20),
                                       at timestamp DEFAULT now());
CREATE TABLE t_step_run_detail (id bigserial PRIMARY KEY, job_name varchar(200), step_name varchar(200),
                                rows_read bigint, at timestamp DEFAULT now());
CREATE TABLE t_step_status (job_name varchar(200), step_name varchar(200), status varchar(20),
                            PRIMARY KEY (job_name, step_name));
CREATE TABLE t_service_audit (id bigserial PRIMARY KEY, operation varchar(100), at timestamp DEFAULT now());
CREATE TABLE t_jdbc_database (id bigserial PRIMARY KEY, connection_name varchar(100), name varchar(200));
CREATE TABLE t_jdbc_schema (id bigserial PRIMARY KEY, database_id bigint, name varchar(200));
CREATE TABLE t_jdbc_table (id bigserial PRIMARY KEY, schema_id bigint, name varchar(200));
CREATE TABLE t_jdbc_column (id bigserial PRIMARY KEY, table_id bigint, name varchar(200), type varchar(100));

-- a legacy custom function: functions never travel
CREATE FUNCTION legacy_job_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM t_job_meta';
