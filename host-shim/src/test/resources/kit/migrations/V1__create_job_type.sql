-- 8.4.1: reference table of job types, seeded with the types every install knows.
CREATE TABLE t_job_type (
    code        varchar(32)  PRIMARY KEY,
    label       varchar(200) NOT NULL,
    deprecated  boolean      NOT NULL DEFAULT false
);

INSERT INTO t_job_type (code, label) VALUES
    ('ETL',   'Extract, transform, load'),
    ('CDC',   'Change data capture'),
    ('FILE',  'File transfer'),
    ('SPARK', 'Spark batch');
