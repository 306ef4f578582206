package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportSelectionTest {

    @Test
    void defaultsAreTheGuidesEightTablesInDependencyOrder() {
        assertThat(ExportSelection.defaults().tables()).containsExactly("t_jdbc", "t_connection_general",
                "t_job_meta", "t_job_meta_history", "t_job_alert_setting", "t_job_permissions", "t_workflow_item",
                "t_step_watermark");
    }

    @Test
    void includedUsersComeBeforeTheJobsThatReferToThem() {
        assertThat(ExportSelection.of(List.of("t_job_alert_setting"), List.of("t_user")).tables())
                .containsExactly("t_jdbc", "t_connection_general", "t_user", "t_job_meta", "t_job_meta_history",
                        "t_job_permissions", "t_workflow_item", "t_step_watermark");
    }

    @Test
    void watermarksCannotBeSkippedAndRuntimeTablesCannotBeIncluded() {
        assertThatThrownBy(() -> ExportSelection.of(List.of("t_step_watermark"), List.of()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("--skip t_step_watermark");
        assertThatThrownBy(() -> ExportSelection.of(List.of(), List.of("t_step_run_detail")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("never travel");
    }
}
