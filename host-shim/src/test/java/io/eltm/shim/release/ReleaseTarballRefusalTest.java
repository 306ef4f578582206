package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.apache.commons.compress.archivers.tar.TarConstants.LF_BLK;
import static org.apache.commons.compress.archivers.tar.TarConstants.LF_CHR;
import static org.apache.commons.compress.archivers.tar.TarConstants.LF_FIFO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of contract §4: refused (exit 3), the message names the entry, and staging is gone. */
class ReleaseTarballRefusalTest {

    @TempDir
    Path dir;

    private TestTarball release() {
        return TestTarball.release(TestTarball.under("eltm-portable-8.4.2"), "8.4.2");
    }

    @Test
    void refusesAbsolutePathNamingTheEntry() throws IOException {
        assertRefused(release().rawFile("/etc/cron.d/evil", "x"), "'/etc/cron.d/evil'", "absolute path");
    }

    @Test
    void refusesLongAbsolutePathStoredInAPaxHeader() throws IOException {
        String longName = "/tmp/" + "deep/".repeat(30) + "evil";
        assertRefused(TestTarball.release(TestTarball.rooted(), "8.4.2").rawFile(longName, "x"), longName,
                "absolute path");
    }

    @Test
    void refusesLongAbsolutePathStoredInAGnuLongNameEntry() throws IOException {
        String longName = "/tmp/" + "deep/".repeat(30) + "evil";
        assertRefused(TestTarball.release(TestTarball.rooted(), "8.4.2").gnuLongNames().rawFile(longName, "x"),
                longName, "absolute path");
    }

    @Test
    void refusesDotDotComponentNamingTheEntry() throws IOException {
        assertRefused(release().file("bin/../../outside", "x", 0644), "bin/../../outside", "'..'");
    }

    @Test
    void refusesSymlinkToAbsoluteTarget() throws IOException {
        assertRefused(release().symlink("bin/passwd", "/etc/passwd"), "bin/passwd", "leaves the release tree");
    }

    @Test
    void refusesSymlinkClimbingOutOfTheTreeFromItsDirectory() throws IOException {
        // From bin/ two levels up leaves the tree, although "../.." from the root would look harmless.
        assertRefused(release().symlink("bin/up", "../../x"), "bin/up", "leaves the release tree");
    }

    @Test
    void refusesEntryWrittenThroughAnArchiveSymlink() throws IOException {
        assertRefused(release().symlink("bin/root", "..").symlink("bin/root/escape", "../.."),
                "bin/root/escape", "beneath the symlink");
    }

    // Reproduced on main: a hard link to a deep symlink pointing at the root re-reads the link's target
    // from bin/, so bin/h/evil/FILE was created two levels above staging.
    @Test
    void refusesHardLinkToASymlinkSoNothingIsWrittenThroughIt() throws IOException {
        Path staging = dir.resolve("a/b/staging");
        Path tarball = release().symlink("server/pgsql.factory/metadata/deep/up", "../../..")
                .hardLink("bin/h", "eltm-portable-8.4.2/server/pgsql.factory/metadata/deep/up")
                .file("bin/h/evil/FILE", "x", 0644).writeTo(dir.resolve("r.tar.gz"));

        assertThatThrownBy(() -> ReleaseTarball.of(tarball).extract(staging, ExtractionLimits.DEFAULT,
                ExtractionProgress.NONE)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("'eltm-portable-8.4.2/bin/h'").hasMessageContaining("not an earlier regular file");
        assertThat(dir.resolve("a/evil")).doesNotExist();
        assertThat(staging).doesNotExist();
    }

    // Reproduced on main: lexically bin/r/../../etc is etc/, but bin/r is the root, so it is /etc's sibling.
    @Test
    void refusesSymlinkThatStaysInsideLexicallyButLeavesThroughAnEarlierLink() throws IOException {
        assertRefused(release().symlink("bin/r", "..").symlink("bin/e", "r/../../etc"), "'eltm-portable-8.4.2/bin/e'",
                "leaves the release tree");
    }

    @Test
    void refusesSymlinkThatALaterLinkMakesLeaveTheTree() throws IOException {
        assertRefused(release().symlink("bin/e", "r/../../etc").symlink("bin/r", ".."), "'eltm-portable-8.4.2/bin/e'",
                "leaves the release tree");
    }

    // server/pgsql/data is the install's own (kept, never in a release), and may be a symlink to another disk:
    // '..' out of it leads wherever that disk is mounted, so it is not taken on trust.
    @Test
    void refusesSymlinkThatClimbsOutOfADirectoryTheArchiveDoesNotDeclare() throws IOException {
        assertRefused(release().symlink("bin/d", "../server/pgsql/data/../../.."), "'eltm-portable-8.4.2/bin/d'",
                "only out of directories the archive declares");
    }

    @Test
    void refusesSymlinkLoops() throws IOException {
        assertRefused(release().symlink("bin/a", "b").symlink("bin/b", "a"), "bin/b", "loop");
    }

    // On main validate accepted it and extract failed with FileAlreadyExistsException (exit 5 territory).
    @Test
    void refusesDirectoryRedeclaredAsSymlink() throws IOException {
        assertRefused(release().dir("bin/d").file("bin/d/x", "x", 0644).symlink("bin/d", ".."), "bin/d",
                "already made it a directory");
    }

    @Test
    void refusesEntryBeneathAFile() throws IOException {
        assertRefused(release().file("bin/f", "x", 0644).file("bin/f/g", "y", 0644), "bin/f/g", "declares as a file");
    }

    @Test
    void refusesDuplicateEntries() throws IOException {
        assertRefused(release().file("bin/tool", "one", 0755).symlink("bin/tool", "../library"), "bin/tool",
                "declares 'bin/tool' again");
    }

    @Test
    void refusesHardLinkOutsideTheTree() throws IOException {
        assertRefused(release().hardLink("bin/shadow", "/etc/shadow"), "bin/shadow", "leaves the release tree");
    }

    @Test
    void refusesHardLinkToALaterOrUnknownEntry() throws IOException {
        assertRefused(release().hardLink("bin/ghost", "eltm-portable-8.4.2/bin/not-yet"), "bin/ghost",
                "not an earlier regular file");
    }

    @Test
    void refusesCharacterDevice() throws IOException {
        assertRefused(release().special("bin/null", LF_CHR), "bin/null", "device");
    }

    @Test
    void refusesBlockDevice() throws IOException {
        assertRefused(release().special("bin/sda", LF_BLK), "bin/sda", "device");
    }

    @Test
    void refusesFifo() throws IOException {
        assertRefused(release().special("bin/pipe", LF_FIFO), "bin/pipe", "fifo");
    }

    @Test
    void refusesEntryOutsideTheTopLevelDirectory() throws IOException {
        assertRefused(release().rawFile("other/bin/x", "x"), "other/bin/x", "top-level directory");
    }

    @Test
    void refusesHardLinkWhoseTargetTheUpgradeDoesNotTake() throws IOException {
        assertRefused(release().hardLink("bin/keystore", "eltm-portable-8.4.2/server/keystore.jks"), "bin/keystore",
                "outside the replaced paths");
    }

    @Test
    void refusesReleaseWithoutVersion() throws IOException {
        TestTarball noVersion = TestTarball.rooted().file("bin/x", "x", 0755).file("server/engine/a.jar", "a", 0644);
        assertRefused(noVersion, "no VERSION file");
    }

    @Test
    void refusesVersionFileWithoutVersionLine() throws IOException {
        TestTarball badVersion = TestTarball.rooted().file("VERSION", "BUILT_AT=now\n", 0644)
                .file("server/engine/a.jar", "a", 0644);
        assertRefused(badVersion, "'VERSION'", "no VERSION= line");
    }

    @Test
    void refusesReleaseWithoutServerEngine() throws IOException {
        TestTarball noEngine = TestTarball.rooted().file("VERSION", "VERSION=8.4.2\n", 0644).file("bin/x", "x", 0755);
        assertRefused(noEngine, "no server/engine/ directory");
    }

    @Test
    void refusesTruncatedArchive() throws IOException {
        Path tarball = release().file("server/engine/big.jar", randomBytes(300_000), 0644)
                .writeTo(dir.resolve("full.tar.gz"));
        byte[] bytes = Files.readAllBytes(tarball);
        Files.write(tarball, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(tarball, Optional.empty(), ExtractionLimits.DEFAULT, "truncated or corrupt");
    }

    @Test
    void refusesCorruptArchive() throws IOException {
        Path tarball = release().file("server/engine/big.jar", randomBytes(300_000), 0644)
                .writeTo(dir.resolve("full.tar.gz"));
        byte[] bytes = Files.readAllBytes(tarball);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(tarball, bytes);
        assertRefused(tarball, Optional.empty(), ExtractionLimits.DEFAULT, "truncated or corrupt");
    }

    @Test
    void refusesFileThatIsNotGzip() throws IOException {
        Path notGzip = Files.writeString(dir.resolve("r.tar.gz"), "<html>404 Not Found</html>");
        assertRefused(notGzip, Optional.empty(), ExtractionLimits.DEFAULT, "truncated or corrupt");
    }

    @Test
    void refusesSha256MismatchNamingBothChecksums() throws IOException {
        Path tarball = release().writeTo(dir.resolve("r.tar.gz"));
        String wrong = "ab".repeat(32);
        assertRefused(tarball, Optional.of(wrong), ExtractionLimits.DEFAULT,
                wrong, ReleaseTarballTest.sha256Of(tarball));
    }

    @Test
    void refusesArchiveOverTheSizeLimitNamingTheEntry() throws IOException {
        Path tarball = release().file("server/engine/big.jar", randomBytes(100_000), 0644)
                .writeTo(dir.resolve("r.tar.gz"));
        assertRefused(tarball, Optional.empty(), ExtractionLimits.DEFAULT.withMaxUncompressedBytes(50_000),
                "server/engine/big.jar", "over the limit of 50000 bytes");
    }

    // On main only regular files counted, so 3,000 links and directories (1.5 MB of tar) passed a 100 kB limit.
    @Test
    void countsEveryHeaderAndLinkTowardsTheSizeLimit() throws IOException {
        TestTarball many = release();
        for (int i = 0; i < 1500; i++) {
            many.dir("bin/d" + i).symlink("bin/l" + i, "d" + i);
        }
        Path tarball = many.writeTo(dir.resolve("r.tar.gz"));
        assertRefused(tarball, Optional.empty(), ExtractionLimits.DEFAULT.withMaxUncompressedBytes(100_000),
                "over the limit of 100000 bytes");
    }

    // Commons Compress holds a PAX header in memory whole: on main its size was whatever the archive said.
    @Test
    void refusesAnOversizedPaxHeaderBeforeHoldingIt() throws IOException {
        TestTarball pax = release().file("bin/tool", "x", 0755).paxRecord("comment", "a".repeat(2 << 20));
        assertRefused(pax, "PAX headers and long names", "after entry 'eltm-portable-8.4.2/server/keystore.jks'");
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        Path tarball = release().writeTo(dir.resolve("r.tar.gz"));
        assertRefused(tarball, Optional.empty(), ExtractionLimits.DEFAULT.withMaxEntries(5), "over the limit of 5 entries");
    }

    @Test
    void refusesANameLongerThanPathMax() throws IOException {
        assertRefused(release().file("bin/" + "x".repeat(5000), "x", 0644), "longer than 4096 bytes");
    }

    @Test
    void refusesExtractionThatWouldEatTheFreeSpace() throws IOException {
        Path tarball = release().writeTo(dir.resolve("r.tar.gz"));
        long moreThanAnyDisk = Files.getFileStore(dir).getTotalSpace();
        Path staging = dir.resolve("staging");

        assertThatThrownBy(() -> ReleaseTarball.of(tarball).extract(staging,
                ExtractionLimits.DEFAULT.withFreeSpaceMarginBytes(moreThanAnyDisk), ExtractionProgress.NONE))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("entry 'eltm-portable-8.4.2/VERSION'")
                .hasMessageContaining("must stay free");
        assertThat(staging).doesNotExist();
    }

    private void assertRefused(TestTarball tarball, String... expected) throws IOException {
        assertRefused(tarball.writeTo(dir.resolve("r.tar.gz")), Optional.empty(), ExtractionLimits.DEFAULT,
                expected);
    }

    private void assertRefused(Path tarball, Optional<String> sha256, ExtractionLimits limits, String... expected) {
        Path staging = dir.resolve("staging");
        ReleaseTarball release = new ReleaseTarball(tarball, sha256);

        assertMessage(assertThatThrownBy(() -> release.validate(limits)), expected);
        assertMessage(assertThatThrownBy(() -> release.extract(staging, limits, ExtractionProgress.NONE)), expected);
        assertThat(staging).as("staging directory left behind").doesNotExist();
        assertThat(Path.of("/etc/cron.d/evil")).doesNotExist();
    }

    private static void assertMessage(AbstractThrowableAssert<?, ? extends Throwable> thrown, String... expected) {
        thrown.isInstanceOf(RefusedException.class).hasMessageContaining(expected[0]);
        for (String part : expected) {
            thrown.hasMessageContaining(part);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }
}
