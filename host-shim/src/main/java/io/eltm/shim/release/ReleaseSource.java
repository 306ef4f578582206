package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves what the user passed as a release (a local path or an {@code http(s)://} URL) to a local
 * file. Downloads go to a temporary name in the downloads directory and are renamed into place only
 * once complete and, when {@code --sha256} was given, verified. A local file is not read here: the
 * one pass that extracts (or validates) it checks {@code --sha256} on the bytes it takes.
 */
public final class ReleaseSource {

    private static final int BUFFER_SIZE = 1 << 20;

    private final HttpClient client;
    private final Path downloadsDir;
    private final Duration requestTimeout;

    /** @param requestTimeout how long to wait for the response headers of a download */
    public ReleaseSource(HttpClient client, Path downloadsDir, Duration requestTimeout) {
        this.client = client;
        this.downloadsDir = downloadsDir;
        this.requestTimeout = requestTimeout;
    }

    /** A source with a client that follows redirects (not https to http) and gives up connecting after 30 s. */
    public static ReleaseSource withDefaultClient(Path downloadsDir) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        return new ReleaseSource(client, downloadsDir, Duration.ofMinutes(2));
    }

    /**
     * A local release file.
     *
     * @param file           the tarball here
     * @param sha256         its sha256 when it was computed (downloads; a local file is hashed when it is read)
     * @param downloadedFrom the URL it came from, if downloaded
     */
    public record LocalRelease(Path file, Optional<String> sha256, Optional<URI> downloadedFrom) {
    }

    public static boolean isUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /**
     * @param location       a path or an http(s) URL
     * @param expectedSha256 the {@code --sha256} value, if given
     * @param progress       told about bytes downloaded
     * @throws RefusedException for a missing file, an HTTP error or a download's checksum mismatch
     */
    public LocalRelease resolve(String location, Optional<String> expectedSha256, ExtractionProgress progress)
            throws IOException, InterruptedException {
        Optional<String> expected = expectedSha256.map(Sha256::normalize);
        return isUrl(location) ? download(URI.create(location), expected, progress)
                : local(Path.of(location));
    }

    // A local file is not read here: its sha256 is checked by the pass that extracts or validates it, on the
    // very bytes that pass takes, so a file changed in between cannot slip through (contract §4).
    private LocalRelease local(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RefusedException("Release tarball " + file + " does not exist or is not a readable file: "
                    + "give the path of an eltm-portable-<VERSION>.tar.gz or an http(s) URL");
        }
        return new LocalRelease(file, Optional.empty(), Optional.empty());
    }

    private LocalRelease download(URI url, Optional<String> expected, ExtractionProgress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(downloadsDir);
        Path target = downloadsDir.resolve(fileName(url));
        Path partial = downloadsDir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        try {
            HttpResponse<InputStream> response = send(url, request);
            String actual;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new RefusedException("Download of " + url + " failed with HTTP status "
                            + response.statusCode() + ": check the URL and that the release is published");
                }
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                actual = copy(url, new HashingInputStream(body, length, progress), partial);
            }
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw Sha256.mismatch(url.toString(), expected.get(), actual);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new LocalRelease(target, Optional.of(actual), Optional.of(url));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private HttpResponse<InputStream> send(URI url, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RefusedException("Download of " + url + " failed: " + e + "; check the URL, the network "
                    + "and the proxy settings", e);
        }
    }

    private static String copy(URI url, HashingInputStream body, Path partial) throws IOException {
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int read = readBody(url, body, buffer); read >= 0; read = readBody(url, body, buffer)) {
                out.write(buffer, 0, read);
            }
        }
        return body.sha256();
    }

    // A broken connection is a refusal (nothing changed yet); a failed write to our disk stays an IOException.
    private static int readBody(URI url, InputStream body, byte[] buffer) {
        try {
            return body.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new RefusedException("Download of " + url + " broke off: " + e + "; try again", e);
        }
    }

    // The URL's last path segment, if it is a plain file name; a URL template's query never names the file.
    static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.matches("[A-Za-z0-9][A-Za-z0-9._+-]*") ? last : "release.tar.gz";
    }
}
