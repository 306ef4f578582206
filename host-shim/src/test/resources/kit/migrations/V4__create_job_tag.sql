-- 8.4.2: free-form tags on jobs; existing jobs are tagged 'migrated'.
CREATE TABLE t_job_tag (
    job_name  varchar(200) NOT NULL REFERENCES t_job_meta (job_name) ON DELETE CASCADE,
    tag       varchar(64)  NOT NULL,
    PRIMARY KEY (job_name, tag)
);

INSERT INTO t_job_tag (job_name, tag) SELECT job_name, 'migrated' FROM t_job_meta;
