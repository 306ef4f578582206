-- 8.5.0 (broken on purpose): the first statement succeeds, the second names a table that does not
-- exist, so the migration fails halfway and must leave nothing behind.
CREATE TABLE t_step_watermark_archive (LIKE t_step_watermark INCLUDING ALL);
INSERT INTO t_step_watermark_archive SELECT * FROM t_step_watermark_legacy;
