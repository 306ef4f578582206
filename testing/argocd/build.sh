#!/usr/bin/env bash
# Builds the real Argo CD used by the GitOps end-to-end tests -- one multicall binary that is
# argocd, argocd-application-controller and argocd-repo-server by argv[0] -- from its published Go
# module (no Docker, no binary downloads), the way testing/control-plane/build.sh builds Kubernetes.
#
#   bash testing/argocd/build.sh            build into the cache unless already there
#   bash testing/argocd/build.sh --print    print the cache directory and exit
#
# The binary lands in ${ELTM_ARGOCD_CACHE:-~/.cache/eltm/argocd}/<argo cd version>/, with the three
# names as symlinks beside it; the tests (io.eltm.e2e.argocd.ArgoCdBinaries) read the same directory.
# A complete directory (binary, links and the .complete marker) is left alone, so a second run costs
# nothing. Run it as the user who runs the tests (CI: maestro): the cache lives in that user's home.
set -euo pipefail

# Everything the tests take from here: the binary under its three names and the CRDs of Argo CD's own
# resources (Application, AppProject, ApplicationSet) from the same module, so they match the binary.
# The single place the Argo CD version is written down; the Java side reads it from this file too.
version=v3.6.1
# v3.6.1's go.mod asks for a newer Go than Debian's or the project's; the go command fetches this
# toolchain through the module proxy (golang.org/toolchain) on first use.
toolchain=go1.27.3
module=github.com/argoproj/argo-cd/v3

cache_root=${ELTM_ARGOCD_CACHE:-$HOME/.cache/eltm/argocd}
dest="$cache_root/$version"

if [ "${1:-}" = --print ]; then echo "$dest"; exit 0; fi

names=(argocd argocd-application-controller argocd-repo-server)
crds=(application-crd.yaml appproject-crd.yaml applicationset-crd.yaml)
complete=true
for n in "${names[@]}"; do [ -x "$dest/$n" ] || complete=false; done
for c in "${crds[@]}"; do [ -f "$dest/crds/$c" ] || complete=false; done
[ -f "$dest/.complete" ] || complete=false
if $complete; then
  echo "argo cd $version: already built in $dest"
  exit 0
fi

# runuser keeps root's PATH, which may lack Go's default install directory.
command -v go >/dev/null || PATH=$PATH:/usr/local/go/bin
command -v go >/dev/null || { echo "argocd/build.sh: 'go' not found on PATH; install Go (any 1.21+ fetches $toolchain)" >&2; exit 1; }

echo "argo cd $version: building into $dest (cold: about 8 CPU-minutes)"
mkdir -p "$cache_root"
# Build in a scratch directory and move into place, so an interrupted build never leaves a
# half-written binary that looks complete.
scratch=$(mktemp -d "$cache_root/.build-XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

export GOTOOLCHAIN=$toolchain CGO_ENABLED=0
# A build cache of our own, dropped once the binary is in place (an interrupted build resumes from it).
export GOCACHE="$cache_root/.gocache"
start=$SECONDS

# The published module zip lacks the gitops-engine directory its go.mod `replace`s
# (github.com/argoproj/argo-cd/gitops-engine/v3 => ./gitops-engine), so build a writable copy of the
# module with that replace dropped: the go command then takes gitops-engine from the proxy, at the
# version go.mod requires.
src=$(GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "argocd/build.sh: go mod download $module@$version gave no directory" >&2; exit 1; }
cp -r "$src" "$scratch/src"
chmod -R u+w "$scratch/src"
(
  cd "$scratch/src"
  go mod edit -dropreplace=github.com/argoproj/argo-cd/gitops-engine/v3
  # The one change to Argo CD's code: the application controller's metrics server listens on
  # 0.0.0.0:<--metrics-port> with no flag to change the address (the repo server has
  # --address/--metrics-address); nothing in the tests may listen beyond loopback.
  listen='metricsAddr := fmt.Sprintf("0.0.0.0:%d", metricsPort)'
  grep -qF "$listen" controller/appcontroller.go \
    || { echo "argocd/build.sh: controller/appcontroller.go no longer has '$listen'; review the loopback patch for $version" >&2; exit 1; }
  sed -i 's/metricsAddr := fmt.Sprintf("0.0.0.0:%d", metricsPort)/metricsAddr := fmt.Sprintf("127.0.0.1:%d", metricsPort)/' controller/appcontroller.go
  pkg=github.com/argoproj/argo-cd/v3/common
  GOFLAGS="-mod=mod -trimpath -buildvcs=false" go build -o "$scratch/argocd" \
    -ldflags "-s -w -X $pkg.version=${version#v} -X $pkg.gitTreeState=clean" ./cmd
)
mkdir -p "$dest/crds"
for c in "${crds[@]}"; do cp "$scratch/src/manifests/crds/$c" "$dest/crds/$c"; done
mv -f "$scratch/argocd" "$dest/argocd"
for n in "${names[@]:1}"; do ln -sfn argocd "$dest/$n"; done
date -u +%Y-%m-%dT%H:%M:%SZ > "$dest/.complete"
rm -rf "$GOCACHE"
echo "argo cd $version: built in $((SECONDS - start)) s; $(du -sh "$dest" | cut -f1) in $dest"
"$dest/argocd" version --client --short
