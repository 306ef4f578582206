package io.eltm.shim.cli;

import io.eltm.shim.jobmeta.MergeMode;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Optional;

/** How plan and import treat the target: what to do with its rows, which zone zone-less timestamps mean. */
final class JobmetaTargetOptions {

    @Option(names = "--merge", paramLabel = "MODE",
            description = "When the target's tables already hold rows: replace (delete them first) or "
                    + "keep-existing (skip legacy rows whose key exists). Default: refuse.",
            converter = MergeModeConverter.class)
    MergeMode merge = MergeMode.REFUSE;

    @Option(names = "--source-timezone", paramLabel = "ZONE",
            description = "The zone the legacy server's zone-less timestamps mean (default: its TimeZone, as the "
                    + "export recorded it), e.g. Europe/Berlin.")
    String sourceTimeZone;

    Optional<String> sourceTimeZone() {
        return Optional.ofNullable(sourceTimeZone);
    }

    /** {@code replace} / {@code keep-existing}, as users type them. */
    static final class MergeModeConverter implements CommandLine.ITypeConverter<MergeMode> {
        @Override
        public MergeMode convert(String value) {
            return switch (value) {
                case "replace" -> MergeMode.REPLACE;
                case "keep-existing" -> MergeMode.KEEP_EXISTING;
                default -> throw new CommandLine.TypeConversionException(
                        "expected replace or keep-existing, not '" + value + "'");
            };
        }
    }
}
