package io.eltm.shim.agent;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's published sha256 file ({@code spec.release.sha256Url}), in {@code sha256sum} format: one digest, or
 * lines of {@code DIGEST  NAME} from which the tarball's own line is taken. Small by nature: more than 64 KiB is
 * refused rather than read.
 */
final class Sha256File {

    static final int MAX_BYTES = 64 * 1024;
    private static final Pattern LINE = Pattern.compile("^([0-9a-fA-F]{64})(?:\\s+\\*?(\\S+))?\\s*$");

    private final HttpClient http;

    Sha256File(HttpClient http) {
        this.http = http;
    }

    static Sha256File withDefaultClient() {
        return new Sha256File(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build());
    }

    /** The digest {@code url} publishes for the tarball named {@code tarballName} (lowercase hex). */
    String digestFor(String url, String tarballName) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new RefusedException("cannot fetch the release's sha256 file " + url + ": HTTP status "
                        + response.statusCode() + "; publish it or correct spec.release.sha256Url; nothing was changed");
            }
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new RefusedException("the sha256 file " + url + " is larger than " + MAX_BYTES + " bytes: it is not a"
                    + " sha256sum file; correct spec.release.sha256Url; nothing was changed");
        }
        return parse(new String(body, StandardCharsets.UTF_8), url, tarballName);
    }

    /** Pure: the one digest of the text, or the one on the line naming {@code tarballName}. */
    static String parse(String text, String url, String tarballName) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String single = null;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new RefusedException("the sha256 file " + url + " is not in sha256sum format (line '"
                        + abbreviate(line) + "'): expected 64 hex digits, optionally followed by the file name");
            }
            String name = m.group(2);
            if (name != null && (name.equals(tarballName) || name.endsWith("/" + tarballName))) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
            if (lines.size() == 1) {
                single = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        if (single != null && (lines.get(0).split("\\s+").length == 1)) {
            return single;
        }
        throw new RefusedException("the sha256 file " + url + " has no digest for " + tarballName
                + ": it must hold one digest, or a line naming that file; nothing was changed");
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
