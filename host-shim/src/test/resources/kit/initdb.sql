-- ELTM audit database (sqlmaestro): the schema a fresh install starts from.
-- Not managed by Flyway: later changes ship as server/pgsql.factory/migrations/V<n>__*.sql.
-- Shared by the sample release kit and the job-metadata cutover (guide, "Major upgrade").

-- Connections ---------------------------------------------------------------------------------

CREATE TABLE t_jdbc (
    connection_name  varchar(200) PRIMARY KEY,
    url              varchar(2000) NOT NULL,
    driver_class     varchar(500)  NOT NULL,
    user_name        varchar(200),
    password64       text,                       -- base64, never logged
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE t_connection_general (
    connection_name        varchar(200) PRIMARY KEY,
    connection_type        varchar(32)  NOT NULL CHECK (connection_type IN ('S3', 'AZURE_BLOB', 'GCS', 'SSH', 'SFTP', 'SMTP', 'HTTP')),
    connection_parameters  text         NOT NULL,   -- compound base64 (key=value;...)
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);

-- Users ---------------------------------------------------------------------------------------

CREATE TABLE t_user (
    user_name      varchar(100) PRIMARY KEY,
    full_name      varchar(200),
    email          varchar(320),
    password_md5   char(32),
    is_admin       boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL DEFAULT now()
);

-- Jobs ----------------------------------------------------------------------------------------

CREATE SEQUENCE seq_job_version_id START WITH 1000;

CREATE TABLE t_job_meta (
    job_name         varchar(200) PRIMARY KEY,
    description      text,
    job_definition   text         NOT NULL,      -- the job's XML
    connection_name  varchar(200) REFERENCES t_jdbc (connection_name),
    schedule_cron    varchar(100),
    enabled          boolean      NOT NULL DEFAULT true,
    locked_by        varchar(100),
    locked_at        timestamptz,
    run_status       varchar(20)  NOT NULL DEFAULT 'IDLE',
    created_by       varchar(100) NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE t_job_meta_history (
    version_key      bigint       PRIMARY KEY DEFAULT nextval('seq_job_version_id'),
    job_name         varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    job_definition   text         NOT NULL,
    saved_by         varchar(100) NOT NULL,
    saved_at         timestamptz  NOT NULL DEFAULT now(),
    comment          text
);
CREATE INDEX ix_job_meta_history_job ON t_job_meta_history (job_name, saved_at);

CREATE TABLE t_job_alert_setting (
    job_name     varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    alert_on     varchar(20)  NOT NULL CHECK (alert_on IN ('FAILURE', 'SUCCESS', 'LONG_RUNNING')),
    recipients   text         NOT NULL,
    threshold_minutes integer,
    PRIMARY KEY (job_name, alert_on)
);

CREATE TABLE t_job_permissions (
    job_name    varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    user_name   varchar(100) NOT NULL REFERENCES t_user (user_name) ON DELETE CASCADE,
    permission  varchar(10)  NOT NULL CHECK (permission IN ('READ', 'RUN', 'EDIT', 'OWNER')),
    PRIMARY KEY (job_name, user_name)
);

CREATE TABLE t_workflow_item (
    workflow_name  varchar(200) NOT NULL,
    batch_no       integer      NOT NULL,
    job_name       varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    run_order      integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (workflow_name, job_name)
);

CREATE TABLE t_step_watermark (
    job_name         varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    step_name        varchar(200) NOT NULL,
    watermark_value  varchar(200) NOT NULL,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (job_name, step_name)
);

-- Runtime and audit rows (not carried across a cutover) ----------------------------------------

CREATE TABLE t_workflow_state_history (
    id             bigserial    PRIMARY KEY,
    workflow_name  varchar(200) NOT NULL,
    run_id         uuid         NOT NULL,
    state          varchar(20)  NOT NULL,
    changed_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE t_step_run_detail (
    id          bigserial    PRIMARY KEY,
    run_id      uuid         NOT NULL,
    job_name    varchar(200) NOT NULL,
    step_name   varchar(200) NOT NULL,
    rows_read   bigint       NOT NULL DEFAULT 0,
    rows_written bigint      NOT NULL DEFAULT 0,
    started_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    message     text
);

CREATE TABLE t_step_status (
    run_id      uuid         NOT NULL,
    job_name    varchar(200) NOT NULL,
    step_name   varchar(200) NOT NULL,
    status      varchar(20)  NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, job_name, step_name)
);

CREATE TABLE t_service_audit (
    id          bigserial    PRIMARY KEY,
    service     varchar(100) NOT NULL,
    operation   varchar(100) NOT NULL,
    user_name   varchar(100),
    detail      text,
    at          timestamptz  NOT NULL DEFAULT now()
);

-- Discovered-schema cache (repopulated by CONTROL_SYNC_CONNECTION) ------------------------------

CREATE TABLE t_jdbc_database (
    connection_name  varchar(200) NOT NULL REFERENCES t_jdbc (connection_name) ON DELETE CASCADE,
    database_name    varchar(200) NOT NULL,
    synced_at        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_name, database_name)
);

CREATE TABLE t_jdbc_schema (
    connection_name  varchar(200) NOT NULL,
    database_name    varchar(200) NOT NULL,
    schema_name      varchar(200) NOT NULL,
    PRIMARY KEY (connection_name, database_name, schema_name),
    FOREIGN KEY (connection_name, database_name) REFERENCES t_jdbc_database ON DELETE CASCADE
);

CREATE TABLE t_jdbc_table (
    connection_name  varchar(200) NOT NULL,
    database_name    varchar(200) NOT NULL,
    schema_name      varchar(200) NOT NULL,
    table_name       varchar(200) NOT NULL,
    table_type       varchar(20)  NOT NULL DEFAULT 'TABLE',
    PRIMARY KEY (connection_name, database_name, schema_name, table_name),
    FOREIGN KEY (connection_name, database_name, schema_name) REFERENCES t_jdbc_schema ON DELETE CASCADE
);

CREATE TABLE t_jdbc_column (
    connection_name  varchar(200) NOT NULL,
    database_name    varchar(200) NOT NULL,
    schema_name      varchar(200) NOT NULL,
    table_name       varchar(200) NOT NULL,
    column_name      varchar(200) NOT NULL,
    ordinal          integer      NOT NULL,
    data_type        varchar(100) NOT NULL,
    nullable         boolean      NOT NULL DEFAULT true,
    PRIMARY KEY (connection_name, database_name, schema_name, table_name, column_name),
    FOREIGN KEY (connection_name, database_name, schema_name, table_name) REFERENCES t_jdbc_table ON DELETE CASCADE
);

-- Functions (re-seeded by every install's initdb.sql, never dumped) -----------------------------

-- Takes the job's edit lock for p_user; true when taken (or already held by p_user).
CREATE FUNCTION lock_job(p_job_name varchar, p_user varchar) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    taken integer;
BEGIN
    UPDATE t_job_meta
       SET locked_by = p_user, locked_at = now()
     WHERE job_name = p_job_name
       AND (locked_by IS NULL OR locked_by = p_user);
    GET DIAGNOSTICS taken = ROW_COUNT;
    RETURN taken = 1;
END;
$$;

CREATE FUNCTION clear_lock(p_job_name varchar) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE t_job_meta SET locked_by = NULL, locked_at = NULL WHERE job_name = p_job_name;
END;
$$;

CREATE FUNCTION set_job_run_status(p_job_name varchar, p_status varchar) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_status NOT IN ('IDLE', 'QUEUED', 'RUNNING', 'FAILED', 'SUCCEEDED') THEN
        RAISE EXCEPTION 'unknown run status % for job %', p_status, p_job_name;
    END IF;
    UPDATE t_job_meta SET run_status = p_status, updated_at = now() WHERE job_name = p_job_name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no job named %', p_job_name;
    END IF;
END;
$$;
