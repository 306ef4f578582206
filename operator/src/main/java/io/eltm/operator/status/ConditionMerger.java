package io.eltm.operator.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges what conditions should say now with what they said before: {@code lastTransitionTime} moves only when the
 * status changes, and each status change is reported as a {@link ConditionTransition}. Conditions of other types
 * (written by no one else, but kept if present) stay as they were.
 */
final class ConditionMerger {

    private final List<ConditionView> conditions = new ArrayList<>();
    private final List<ConditionTransition> transitions = new ArrayList<>();

    ConditionMerger(List<ConditionView> previous, List<ConditionValue> values, long generation, Instant now) {
        List<String> types = values.stream().map(ConditionValue::type).toList();
        for (ConditionValue value : values) {
            ConditionView before = find(previous, value.type());
            boolean changed = before == null || !before.status().equals(value.status());
            Instant transitionTime = changed ? now : before.lastTransitionTime();
            conditions.add(new ConditionView(value.type(), value.status(), value.reason(), value.message(),
                    transitionTime, generation));
            if (changed) {
                transitions.add(new ConditionTransition(value.type(), before == null ? null : before.status(),
                        value.status(), value.reason(), value.message()));
            }
        }
        previous.stream().filter(condition -> !types.contains(condition.type())).forEach(conditions::add);
    }

    List<ConditionView> conditions() {
        return List.copyOf(conditions);
    }

    List<ConditionTransition> transitions() {
        return List.copyOf(transitions);
    }

    private static ConditionView find(List<ConditionView> conditions, String type) {
        return conditions.stream().filter(condition -> condition.type().equals(type)).findFirst().orElse(null);
    }
}
