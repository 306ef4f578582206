package io.eltm.shim.jobmeta;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cutover carries and what it never carries, from the guide's "Major upgrade from a legacy
 * install". One place, so export, import, verify and the runbook agree.
 */
public final class JobmetaTables {

    /** The tables copied by default, in dependency order: referenced data first, referring data last. */
    public static final List<String> DEFAULT_TABLES = List.of(
            "t_jdbc", "t_connection_general", "t_job_meta", "t_job_meta_history",
            "t_job_alert_setting", "t_job_permissions", "t_workflow_item", "t_step_watermark");

    /** Default tables that {@code --skip} may leave out; the others are the cutover's point. */
    public static final Set<String> SKIPPABLE = Set.of(
            "t_connection_general", "t_job_meta_history", "t_job_alert_setting", "t_job_permissions",
            "t_workflow_item");

    /**
     * Tables that {@code --include} may add, each placed before the first default table that may
     * refer to it ({@code t_job_permissions} refers to users).
     */
    public static final Map<String, String> INCLUDABLE_BEFORE = Map.of("t_user", "t_job_meta");

    /** Runtime and audit rows, and the discovered-schema cache: the new install starts clean. */
    public static final Set<String> NEVER_COPIED = Set.of(
            "t_workflow_state_history", "t_step_run_detail", "t_step_status", "t_service_audit",
            "t_jdbc_database", "t_jdbc_schema", "t_jdbc_table", "t_jdbc_column");

    /** Columns never exported, as {@code table.column}: MD5 password hashes are re-issued instead. */
    public static final Set<String> NEVER_COPIED_COLUMNS = Set.of("t_user.password_md5");

    public static final String VERSION_SEQUENCE = "seq_job_version_id";
    public static final String HISTORY_TABLE = "t_job_meta_history";
    public static final String VERSION_KEY = "version_key";
    public static final String WATERMARK_TABLE = "t_step_watermark";
    public static final List<String> WATERMARK_KEY = List.of("job_name", "step_name");
    public static final String WATERMARK_VALUE = "watermark_value";

    private JobmetaTables() {
    }
}
