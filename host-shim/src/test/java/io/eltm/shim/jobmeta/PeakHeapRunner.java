package io.eltm.shim.jobmeta;

import io.eltm.shim.cli.EltmShim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs one eltm-shim command line in this JVM (started by {@link JobmetaBenchmark} with a heap cap),
 * then prints the peak heap it used: the sum of the heap pools' peak usage.
 */
public final class PeakHeapRunner {

    private PeakHeapRunner() {
    }

    public static void main(String[] args) {
        int exit = EltmShim.commandLine().execute(args);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.err.println("peak-heap-bytes=" + peak);
        System.exit(exit);
    }
}
