package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * The outcome of {@code jobmeta verify}: one check per copied table's row count, one for the watermarks,
 * one for the version sequence.
 */
public record VerificationReport(String file, List<Check> checks) {

    /**
     * @param name   what was checked, e.g. {@code count t_job_meta}
     * @param passed whether it holds
     * @param detail expected and found, or what differs
     */
    public record Check(String name, boolean passed, String detail) {
    }

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> mismatches() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        for (Check check : checks) {
            text.append(check.passed() ? "ok        " : "MISMATCH  ").append(check.name()).append(": ")
                    .append(check.detail()).append('\n');
        }
        text.append(passed() ? "verified: the target matches " + file
                : mismatches().size() + " mismatches against " + file).append('\n');
        return text.toString();
    }
}
