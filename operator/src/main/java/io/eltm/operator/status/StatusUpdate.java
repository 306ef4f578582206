package io.eltm.operator.status;

import java.util.List;

/** The aggregator's result: the status to patch, and the condition transitions to announce as Events. */
public record StatusUpdate(StatusView status, List<ConditionTransition> transitions) {

    public StatusUpdate {
        transitions = List.copyOf(transitions);
    }
}
