package io.eltm.shim.jobmeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the non-empty watermarks of an export file as (job, step) → value, under the names the
 * target uses ({@code --map} applied). The watermark table is small; the history is only hashed.
 */
final class WatermarkCollector implements ExportFileReader.Sink {

    private final TranslationRules rules;
    private final Map<List<String>, String> watermarks = new HashMap<>();
    private final CopyTextDecoder decoder = new CopyTextDecoder();
    private int[] keyIndex;
    private int valueIndex;
    private String[] values;

    WatermarkCollector(TranslationRules rules) {
        this.rules = rules;
    }

    Map<List<String>, String> watermarks() {
        return Map.copyOf(watermarks);
    }

    @Override
    public boolean beginTable(TableSection declared) {
        if (!declared.table().equals(JobmetaTables.WATERMARK_TABLE)) {
            return false;
        }
        List<String> names = declared.columns().stream().map(ColumnDef::name).toList();
        keyIndex = JobmetaTables.WATERMARK_KEY.stream().mapToInt(k -> index(names, k)).toArray();
        valueIndex = index(names, JobmetaTables.WATERMARK_VALUE);
        values = new String[names.size()];
        return true;
    }

    @Override
    public void row(byte[] line, int length) {
        decoder.decode(line, length, values);
        String value = values[valueIndex];
        if (value != null && !value.isEmpty()) {
            List<String> key = new ArrayList<>(keyIndex.length);
            for (int i : keyIndex) {
                key.add(values[i]);
            }
            watermarks.put(List.copyOf(key), value);
        }
    }

    private int index(List<String> names, String targetColumn) {
        String source = rules.sourceNameOf(JobmetaTables.WATERMARK_TABLE, targetColumn);
        int index = names.indexOf(source);
        if (index < 0) {
            throw new io.eltm.shim.RefusedException("the export's " + JobmetaTables.WATERMARK_TABLE
                    + " has no column " + source + " for the target's " + targetColumn
                    + ": pass the --map options the import used");
        }
        return index;
    }
}
