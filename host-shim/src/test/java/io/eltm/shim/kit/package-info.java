/**
 * The sample release kit: realistic ELTM releases and a working install to upgrade, for tests, the
 * {@code demo} command and benchmarks. Everything is real: PostgreSQL server binaries, processes
 * started by the install's own scripts, TLS with a keytool-generated keystore. Scripts are run and the
 * health URL probed with the product's own {@link io.eltm.shim.service.ServiceScripts} and
 * {@link io.eltm.shim.service.HealthProbe}.
 *
 * <p>A test fixture, so in the test sources: it is packaged with PostgreSQL's server binaries as
 * {@code eltm-shim-kit.jar} ({@code src/assembly/kit.xml}), which {@code eltm-shim demo} loads through
 * {@link io.eltm.shim.kit.SampleDemoKit}; the production {@code eltm-shim.jar} carries none of it.
 *
 * <p>Building a release: {@link io.eltm.shim.kit.ReleaseKit#build(io.eltm.shim.kit.ReleaseSpec)} with a spec
 * from {@link io.eltm.shim.kit.SampleReleases} returns a cached {@code eltm-portable-<VERSION>.tar.gz}.
 *
 * <p>First install ({@link io.eltm.shim.kit.SampleInstall#create(java.nio.file.Path, java.nio.file.Path)}):
 * <ol>
 *   <li>extract the whole tarball into {@code <sandbox>/iserver} (the top-level directory stripped);</li>
 *   <li>write {@code <sandbox>/home/.env_integrator} and {@code .env_integrator.paths} (0600) with free ports;</li>
 *   <li>{@code initdb} the cluster into {@code server/pgsql/data}: 127.0.0.1 only, no unix socket, trust;</li>
 *   <li>generate {@code server/keystore.jks} with {@code keytool} (SAN IP:127.0.0.1);</li>
 *   <li>seed the preserved operator files ({@link io.eltm.shim.kit.PreservedFiles});</li>
 *   <li>{@code mstart-pgsql}; create {@code sqlmaestro}; run {@code initdb.sql}; Flyway-migrate the release's
 *       {@code V} scripts into {@code schema_version} (baseline {@code 0} = initdb.sql); seed operator rows;</li>
 *   <li>{@code mstart-all}, then wait until the meta-service answers the health URL.</li>
 * </ol>
 */
package io.eltm.shim.kit;
