#!/usr/bin/env bash
# Starts the local Kubernetes control plane (etcd + kube-apiserver built from source) for the demo and
# for trying the operator by hand, prints the kubeconfig path, and stops cleanly on Ctrl-C.
#
#   bash testing/control-plane/start.sh
#
# Builds the binaries first if needed (build.sh, about 11 min cold) and the launcher's classes
# (testing/kube-test-support). Run it as the user whose cache holds the binaries.
#
#   sudo bash testing/control-plane/start.sh --node --owner USER --kubeconfig-out FILE [--image TAR]...
#
# A cluster with one node that runs pods (NodeClusterMain): containerd, the kubelet, kube-proxy,
# controller-manager and scheduler besides the control plane. It needs root; the binaries come from
# USER's cache and USER gets FILE, an admin kubeconfig (0600). Build first, as USER: build.sh and
# ./mvnw -DskipTests package (the launcher and the images). SIGTERM stops it; it exits non-zero if the
# stopped node left anything behind. docs/development.md says what it does.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
module="$repo/testing/kube-test-support"
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

if [ "${1:-}" = --node ]; then
  shift
  [ "$(id -u)" = 0 ] || { echo "start.sh --node: the node (containerd, kubelet, bridge, iptables) needs root: sudo bash $0 --node ..." >&2; exit 1; }
  bash "$repo/testing/control-plane/node-packages.sh"
  [ -f "$module/target/launcher-classpath.txt" ] || {
    echo "start.sh --node: build the launcher first, as the test user: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
  owner=""
  args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = --owner ] && owner=${args[$((i + 1))]:-}; done
  if [ -n "$owner" ] && [ -z "${ELTM_CONTROL_PLANE_CACHE:-}" ]; then
    export ELTM_CONTROL_PLANE_CACHE="$(getent passwd "$owner" | cut -d: -f6)/.cache/eltm/control-plane"
  fi
  exec "${jvm[@]}" -cp "$module/target/classes:$(cat "$module/target/launcher-classpath.txt")" \
    io.eltm.testing.kube.NodeClusterMain "$@"
fi

bash "$repo/testing/control-plane/build.sh" >&2
if [ ! -f "$module/target/launcher-classpath.txt" ] || [ -n "$(find "$module/src/main" -newer "$module/target/launcher-classpath.txt" -print -quit)" ]; then
  echo "building the launcher (testing/kube-test-support)" >&2
  (cd "$repo" && ./mvnw -B -q -pl testing/kube-test-support -am -DskipTests package)
  touch "$module/target/launcher-classpath.txt" # the plugin leaves an unchanged file untouched
fi
# exec: the JVM receives Ctrl-C itself and its shutdown hook stops both servers.
exec "${jvm[@]}" -cp "$module/target/classes:$(cat "$module/target/launcher-classpath.txt")" \
  io.eltm.testing.kube.ControlPlaneMain "$@"
