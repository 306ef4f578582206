#!/usr/bin/env bash
# Builds the root file system of the sample ELTM image (eltm.io/eltm-sample), the in-cluster twin of a
# sample install: bash and the few Debian tools the install's scripts run (coreutils, grep, awk, setsid,
# /bin/sh for pg_ctl) and curl (the readiness probe's TLS GET of the health URL), each with exactly the
# shared libraries it loads; PostgreSQL's server binaries from the sample kit; the kit itself; the image's
# entrypoint and env files (eltm-sample/). Jib adds it over the java-runtime layer (host-shim/pom.xml).
# Jib copies files and dereferences symlinks, so every tool is a regular file at its usual path.
#
#   bash testing/images/eltm-sample-root.sh OUT_DIR KIT_JAR
set -euo pipefail

out=${1:?usage: eltm-sample-root.sh OUT_DIR KIT_JAR}
kit=${2:?usage: eltm-sample-root.sh OUT_DIR KIT_JAR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -f "$kit" ] || { echo "eltm-sample-root.sh: no sample kit at $kit (build host-shim first)" >&2; exit 1; }
kit=$(readlink -f "$kit")

rm -rf "$out" && mkdir -p "$out/usr/bin" "$out/bin" "$out/opt/pgsql" "$out/opt/eltm/lib" "$out/home/nonroot" "$out/data"

# The tools the install's admin scripts, the env loader (env -0) and pg_ctl (/bin/sh -c) run.
tools=(bash cat chmod cp curl date env grep head id ls mkdir mv nohup rm seq setsid sha256sum sleep stat tail)
for tool in "${tools[@]}" mawk dash; do
  command -v "$tool" >/dev/null || { echo "eltm-sample-root.sh: $tool is not installed (testing/control-plane/node-packages.sh installs what the image copies)" >&2; exit 1; }
done
for tool in "${tools[@]}"; do
  cp -L "$(command -v "$tool")" "$out/usr/bin/$tool"
done
cp -L "$(command -v mawk)" "$out/usr/bin/awk"
cp -L "$(command -v bash)" "$out/bin/bash"
cp -L "$(command -v dash)" "$out/bin/sh"

# PostgreSQL's server binaries, as the kit unpacks them for a sample install on a host.
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$java_home/bin/jar" xf "$kit" postgres-linux-x86_64.txz)
tar -xJf "$tmp/postgres-linux-x86_64.txz" -C "$out/opt/pgsql"

# Every shared library those binaries load, found the way the dynamic loader finds them (PostgreSQL's
# own lib/ first), copied as regular files to the same paths; the java-runtime layer has glibc already.
libs=$( { for f in "$out"/usr/bin/* "$out"/bin/* "$out"/opt/pgsql/bin/*; do ldd "$f"; done
          find "$out/opt/pgsql/lib" -name '*.so*' -exec ldd {} \; ; } 2>/dev/null \
  | awk '/=> \//{print $3}' | grep -v "^$out/" | sort -u)
for lib in $libs; do
  case "$lib" in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

cp "$kit" "$out/opt/eltm/lib/eltm-shim-kit.jar"
cp "$here/eltm-sample/eltm-sample-server" "$here/eltm-sample/eltm-sample-ready" "$out/opt/eltm/"
cp "$here/eltm-sample/env_integrator" "$out/home/nonroot/.env_integrator"
cp "$here/eltm-sample/env_integrator.paths" "$out/home/nonroot/.env_integrator.paths"
echo "sample ELTM image root: $(du -sh "$out" | cut -f1) in $out"
