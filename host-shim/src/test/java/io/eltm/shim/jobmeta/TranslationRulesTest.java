package io.eltm.shim.jobmeta;

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
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--map owner_name=owner: expected TABLE.COLUMN=VALUE");
        assertThatThrownBy(() -> TranslationRules.parse(List.of("t_job_meta.owner_name=owner; DROP TABLE x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a column name");
    }

    @Test
    void twoRulesForOneTargetColumnAreRefusedNamingBothNeverSilentlyResolved() {
        assertThatThrownBy(() -> TranslationRules.parse(List.of("t_job_meta.job_desc=description"),
                List.of("t_job_meta.description='none'")))
                .hasMessage("--map t_job_meta.job_desc=description and --expr t_job_meta.description both give the "
                        + "target column t_job_meta.description: keep one of them");
        assertThatThrownBy(() -> TranslationRules.parse(List.of("t_job_meta.a=owner", "t_job_meta.b=owner"), List.of()))
                .hasMessageContaining("--map t_job_meta.a=owner and --map t_job_meta.b=owner both give");
        assertThatThrownBy(() -> TranslationRules.parse(List.of("t_job_meta.a=x", "t_job_meta.a=y"), List.of()))
                .hasMessageContaining("--map t_job_meta.a is given twice (=x and =y)");
        assertThatThrownBy(() -> TranslationRules.parse(List.of(), List.of("t_job_meta.kind='a'", "t_job_meta.kind='a'")))
                .hasMessageContaining("--expr t_job_meta.kind and --expr t_job_meta.kind both give");
    }

    @Test
    void sourceNameOfATargetColumnFollowsTheRename() {
        TranslationRules rules = TranslationRules.parse(List.of("t_step_watermark.wm=watermark_value"), List.of());

        assertThat(rules.sourceNameOf("t_step_watermark", "watermark_value")).isEqualTo("wm");
        assertThat(rules.sourceNameOf("t_step_watermark", "job_name")).isEqualTo("job_name");
    }
}
