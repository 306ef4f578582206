#!/usr/bin/env bash
# Builds the root filesystem of the project's Java images (the operator and the shim): a jlink runtime of
# the build's own JDK plus exactly the shared libraries it loads, copied from this machine's Debian
# packages (glibc, zlib), an /etc/passwd naming the non-root user, and nothing else: no shell, no package
# manager. Jib puts the result in as one layer of an image built FROM scratch (see the poms), so no
# registry and no Docker daemon are needed, and both images share the identical layer.
#
#   bash testing/images/java-runtime.sh OUT_DIR
#
# A no-op when OUT_DIR is complete and newer than this script and the JDK.
set -euo pipefail

out=${1:?usage: java-runtime.sh OUT_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jlink="$java_home/bin/jlink"
[ -x "$jlink" ] || { echo "java-runtime.sh: no jlink in $java_home (set JAVA_HOME to a JDK 17)" >&2; exit 1; }

if [ -f "$out/.complete" ] && [ "$out/.complete" -nt "${BASH_SOURCE[0]}" ] && [ "$out/.complete" -nt "$java_home/release" ]; then
  exit 0
fi

# jdeps --print-module-deps of both shaded jars, plus the providers jdeps cannot see: EC keys for TLS
# (the API server's and the meta-service's certificates) and the zip file system.
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.httpserver,jdk.management,jdk.security.auth,jdk.unsupported,jdk.crypto.ec,jdk.zipfs

rm -rf "$out" && mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"

# java.desktop is here for java.beans only (Jackson, SnakeYAML): its AWT, font, sound and image natives
# would need X11 and friends, are never loaded by a headless server, and go.
rm -f "$out"/opt/java/lib/lib{awt,awt_headless,awt_xawt,fontmanager,javajpeg,jawt,jsound,lcms,mlib_image,splashscreen}.so

# The shared libraries the runtime loads, found the way the dynamic loader finds them, copied as regular
# files to the same paths (the image has no symlinks to keep right).
libs=$( { ldd "$out/opt/java/bin/java"; find "$out/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | grep -v "^$out/" | sort -u)
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# The ELF interpreter the binaries name.
interp=/lib64/ld-linux-x86-64.so.2
mkdir -p "$out/lib64" && cp -L "$interp" "$out$interp"

# uid/gid 65532, "nonroot" as distroless names it; the pods run as it (runAsNonRoot needs a numeric USER).
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
date -u +%Y-%m-%dT%H:%M:%SZ > "$out/.complete"
echo "java runtime for the images: $(du -sh "$out" | cut -f1) in $out (modules: $modules)"
