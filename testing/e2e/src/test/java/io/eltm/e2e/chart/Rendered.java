package io.eltm.e2e.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The output of {@code helm template}: its documents, each with the template file it came from
 * ({@code # Source: eltm-operator/templates/X}), as text and as Kubernetes objects.
 */
public record Rendered(List<Document> documents) {

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** One document: its template file's name and its text after the {@code # Source} line. */
    public record Document(String source, String text) {
    }

    public static Rendered of(String manifests) {
        List<Document> documents = new ArrayList<>();
        for (String part : SEPARATOR.split(manifests)) {
            String source = "";
            String text = part.strip();
            if (text.startsWith("# Source: ")) {
                int end = text.indexOf('\n');
                source = text.substring("# Source: ".length(), end < 0 ? text.length() : end);
                source = source.substring(source.lastIndexOf('/') + 1);
                text = end < 0 ? "" : text.substring(end + 1).strip();
            }
            if (!text.isEmpty()) {
                documents.add(new Document(source, text));
            }
        }
        return new Rendered(List.copyOf(documents));
    }

    /** The texts of the documents rendered from the template file {@code source}. */
    public List<String> sources(String source) {
        return documents.stream().filter(d -> d.source().equals(source)).map(Document::text).toList();
    }

    public List<HasMetadata> all() {
        return documents.stream().map(d -> (HasMetadata) SERIALIZATION.unmarshal(d.text())).toList();
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in the rendered chart, found "
                    + found.size());
        }
        return found.get(0);
    }
}
