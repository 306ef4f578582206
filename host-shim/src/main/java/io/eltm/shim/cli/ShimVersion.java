package io.eltm.shim.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's own version, from the jar manifest. */
public final class ShimVersion implements IVersionProvider {

    /** This build's version, or {@code dev} when run from classes. */
    public static String current() {
        String v = ShimVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"eltm-shim " + current()};
    }
}
