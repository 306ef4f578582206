package io.eltm.shim.jobmeta;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranslationRulesTest {

    @Test
    void expressionMayContainEqualsSignsAndDots() {
        TranslationRules rules = TranslationRules.parse(List.of(),
                List.of("t_job_meta.enabled=CASE WHEN t.is_active = 'Y' THEN true ELSE false END"));

        assertThat(rules.expressionsOf("t_job_meta"))
                .containsEntry("enabled", "CASE WHEN t.is_active = 'Y' THEN true ELSE false END");
    }

    @Test
    void mapWithoutTableOrNewNameIsRefusedWithAnExample() {
        assertThatThrownBy(() -> TranslationRules.parse(List.of("owner_name=owner"), List.of()))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("--map owner_name=owner: expected TABLE.COLUMN=VALUE");
        assertThatThrownBy(() -> TranslationRules.parse(List.of("t_job_meta.owner_name=owner; DROP TABLE x"), List.of()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("is not a column name");
    }

    @Test
    void sourceNameOfATargetColumnFollowsTheRename() {
        TranslationRules rules = TranslationRules.parse(List.of("t_step_watermark.wm=watermark_value"), List.of());

        assertThat(rules.sourceNameOf("t_step_watermark", "watermark_value")).isEqualTo("wm");
        assertThat(rules.sourceNameOf("t_step_watermark", "job_name")).isEqualTo("job_name");
    }
}
