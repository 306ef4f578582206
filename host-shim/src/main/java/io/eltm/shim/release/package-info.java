/**
 * Everything about release tarballs ({@code eltm-portable-<VERSION>.tar.gz}, contract §1 and §4).
 *
 * <ol>
 *   <li>{@link io.eltm.shim.release.ReleaseSource} turns a path or an http(s) URL into a local file,
 *       downloading to a temporary name and checking {@code --sha256}.</li>
 *   <li>{@link io.eltm.shim.release.ReleaseTarball#inspect} ({@code eltm-shim check}) or
 *       {@link io.eltm.shim.release.ReleaseTarball#extract} (upgrade, while services still run) read the
 *       file once: every entry is checked (names by {@code EntryPaths}, where entries and links lead by
 *       {@code ArchiveTree}), the sha256 of those very bytes compared with {@code --sha256}, and only the
 *       {@link io.eltm.shim.release.ReplacedPaths replaced paths} are written into a staging directory on
 *       the install's filesystem (for check only {@code VERSION} and the migrations). Any refusal deletes
 *       the staging directory.</li>
 *   <li>The engine compares {@link io.eltm.shim.release.VersionFile#version() versions} and swaps the
 *       {@link io.eltm.shim.release.ReplacedPaths#swapUnits swap units} of the staged and installed trees.</li>
 * </ol>
 */
package io.eltm.shim.release;
