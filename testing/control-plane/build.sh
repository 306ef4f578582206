#!/usr/bin/env bash
# Builds the real Kubernetes cluster used by the tests and the demo from the published Go modules pinned
# in go/go.mod (no Docker, no binary downloads): the control plane (kube-apiserver, etcd, kubectl) and the
# node (kube-controller-manager, kube-scheduler, kubelet, kube-proxy; containerd, runc and the CNI
# plugins come from Debian's packages, see node-packages.sh).
#
#   bash testing/control-plane/build.sh            build into the cache unless already there
#   bash testing/control-plane/build.sh --print    print the cache directory and exit
#
# The binaries land in ${ELTM_CONTROL_PLANE_CACHE:-~/.cache/eltm/control-plane}/<kubernetes version>/,
# the directory the JUnit extension (testing/kube-test-support) and the launcher read. A complete
# directory (every binary plus the .complete marker) is left alone, so a second run costs nothing; when
# some are missing (a cache from before the node binaries existed), only those are built.
# Run it as the user who runs the tests (CI: maestro): the cache lives in that user's home.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module="$here/go"
# The single place the Kubernetes version is written down, besides go/go.mod; the Java side reads it
# from this file too (see KubeBinaries).
version=$(sed -n 's/^[[:space:]]*k8s.io\/kubernetes \(v[0-9.]*\)$/\1/p' "$module/go.mod")
[ -n "$version" ] || { echo "build.sh: cannot read the k8s.io/kubernetes version from $module/go.mod" >&2; exit 1; }

cache_root=${ELTM_CONTROL_PLANE_CACHE:-$HOME/.cache/eltm/control-plane}
dest="$cache_root/$version"

if [ "${1:-}" = --print ]; then echo "$dest"; exit 0; fi

binaries=(kube-apiserver etcd kubectl kube-controller-manager kube-scheduler kubelet kube-proxy)
missing=()
for b in "${binaries[@]}"; do [ -x "$dest/$b" ] || missing+=("$b"); done
if [ ${#missing[@]} = 0 ] && [ -f "$dest/.complete" ]; then
  echo "control plane $version: already built in $dest"
  exit 0
fi
[ ${#missing[@]} != 0 ] || missing=("${binaries[@]}")

# runuser keeps root's PATH, which may lack Go's default install directory.
command -v go >/dev/null || PATH=$PATH:/usr/local/go/bin
command -v go >/dev/null || { echo "build.sh: 'go' not found on PATH; install Go >= $(sed -n 's/^go //p' "$module/go.mod")" >&2; exit 1; }

echo "control plane $version: building ${missing[*]} into $dest (cold, all seven: about 15 min on 2 busy cores)"
mkdir -p "$dest"
# Build into a scratch directory and move into place, so an interrupted build never leaves a
# half-written binary that looks complete.
scratch=$(mktemp -d "$cache_root/.build-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

export CGO_ENABLED=0 GOFLAGS="-trimpath -mod=readonly -buildvcs=false"
# A build cache of our own (2.4 GiB for this build), dropped once the binaries are in place: the
# binaries are cached by version, so it would only speed up a rebuild of the same version. An
# interrupted build keeps it and resumes. Downloaded modules (about 600 MiB) stay in the usual GOMODCACHE.
export GOCACHE="$cache_root/.gocache"
start=$SECONDS
(
  cd "$module"
  # One `go build` for all of them so the shared packages compile once. -s -w drops the symbol table
  # and DWARF tables; the version ldflags make `kubectl version` and /version truthful.
  pkg=k8s.io/component-base/version
  go build -o "$scratch/" \
    -ldflags "-s -w -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$(echo "$version" | cut -d. -f2) \
              -X $pkg.gitTreeState=clean -X k8s.io/client-go/pkg/version.gitVersion=$version" \
    "${missing[@]/#/./}"
)
for b in "${missing[@]}"; do mv -f "$scratch/$b" "$dest/$b"; done
date -u +%Y-%m-%dT%H:%M:%SZ > "$dest/.complete"
rm -rf "$GOCACHE"
echo "control plane $version: built in $((SECONDS - start)) s; $(du -sh "$dest" | cut -f1) in $dest"
"$dest/kubectl" version --client
