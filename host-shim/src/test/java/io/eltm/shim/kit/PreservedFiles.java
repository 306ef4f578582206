package io.eltm.shim.kit;

import java.util.Map;

/**
 * Operator files a sample install is seeded with, by path relative to {@code ISERVER_HOME}: all lie
 * in paths an upgrade must never write (contract §1), so after any upgrade or rollback each must
 * still hold exactly this content.
 */
public final class PreservedFiles {

    public static final Map<String, String> CONTENT = Map.of(
            "data/workflow/daily_sales.xml",
            "<workflow name=\"daily_sales\"><job ref=\"daily_sales\"/></workflow>\n",
            "data/workflow/nightly.xml",
            "<workflow name=\"nightly\"><batch no=\"1\"><job ref=\"daily_sales\"/></batch>"
                    + "<batch no=\"2\"><job ref=\"nightly_dwh\"/></batch></workflow>\n",
            "data/log/engine-2026-11-25.log",
            "2026-11-25T02:00:00Z INFO  daily_sales started\n2026-11-25T02:03:12Z INFO  daily_sales succeeded\n",
            "tools/spark/conf/spark-defaults.conf", "spark.master local[2]\nspark.driver.memory 2g\n",
            "tools/hadoop/etc/hadoop/core-site.xml",
            "<configuration><property><name>fs.defaultFS</name><value>file:///</value></property></configuration>\n",
            "transient/staging/upload-7f3a.part", "partial upload kept across upgrades\n",
            "server/engine/engine.properties", "# operator tuning, kept across upgrades\nengine.threads=8\n");

    private PreservedFiles() {
    }
}
