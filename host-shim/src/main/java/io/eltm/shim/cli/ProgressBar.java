package io.eltm.shim.cli;

import java.io.PrintStream;

/** A one-line bar redrawn in place with a carriage return; only used when stdout is a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private int lastPercent = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void show(String step, long done, long total) {
        if (total <= 0) {
            out.printf("\r  .. %-15s %,d MiB", step, done >> 20);
            out.flush();
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r  .. %-15s [%s%s] %3d%%", step, "#".repeat(filled), " ".repeat(WIDTH - filled), percent);
        out.flush();
    }

    void clear() {
        out.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        lastPercent = -1;
    }
}
