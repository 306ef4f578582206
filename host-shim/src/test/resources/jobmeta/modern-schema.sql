-- The modern audit DB as a fresh install seeds it (a stand-in for the new release's initdb.sql):
-- the modern schema, no operator content, one administrator.
CREATE SEQUENCE seq_job_version_id;

CREATE TABLE t_user (
    user_id      serial PRIMARY KEY,
    login        varchar(64) NOT NULL UNIQUE,
    full_name    varchar(200),
    password_md5 char(32),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE t_jdbc (
    connection_name varchar(100) PRIMARY KEY,
    jdbc_url        varchar(1000) NOT NULL,
    driver_class    varchar(200) NOT NULL,
    db_user         varchar(100),
    password64      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE t_connection_general (
    connection_name       varchar(100) PRIMARY KEY,
    connection_type       varchar(20) NOT NULL,
    connection_parameters text
);
CREATE TABLE t_job_meta (
    job_name        varchar(200) PRIMARY KEY,
    connection_name varchar(100) REFERENCES t_jdbc,
    description     text,
    owner           varchar(64) NOT NULL,
    job_definition  text NOT NULL,
    timeout_sec     integer,
    enabled         boolean NOT NULL DEFAULT true,
    modified_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE t_job_meta_history (
    version_key    bigint PRIMARY KEY DEFAULT nextval('seq_job_version_id'),
    job_name       varchar(200) NOT NULL,
    job_definition text NOT NULL,
    saved_by       varchar(64),
    saved_at       timestamptz NOT NULL DEFAULT now()
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
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_name, step_name)
);

-- runtime / audit
CREATE TABLE t_workflow_state_history (id bigserial PRIMARY KEY, workflow_name varchar(200), state varchar(20),
                                       at timestamptz DEFAULT now());
CREATE TABLE t_step_run_detail (id bigserial PRIMARY KEY, job_name varchar(200), step_name varchar(200),
                                rows_read bigint, at timestamptz DEFAULT now());
CREATE TABLE t_step_status (job_name varchar(200), step_name varchar(200), status varchar(20),
                            PRIMARY KEY (job_name, step_name));
CREATE TABLE t_service_audit (id bigserial PRIMARY KEY, operation varchar(100), at timestamptz DEFAULT now());
-- discovered-schema cache
CREATE TABLE t_jdbc_database (id bigserial PRIMARY KEY, connection_name varchar(100), name varchar(200));
CREATE TABLE t_jdbc_schema (id bigserial PRIMARY KEY, database_id bigint, name varchar(200));
CREATE TABLE t_jdbc_table (id bigserial PRIMARY KEY, schema_id bigint, name varchar(200));
CREATE TABLE t_jdbc_column (id bigserial PRIMARY KEY, table_id bigint, name varchar(200), type varchar(100));

INSERT INTO t_user (login, full_name, password_md5) VALUES ('admin', 'Administrator', md5('admin' || 'admin'));
