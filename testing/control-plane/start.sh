#!/usr/bin/env bash
# Starts the local Kubernetes control plane (etcd + kube-apiserver built from source) for the demo and
# for trying the operator by hand, prints the kubeconfig path, and stops cleanly on Ctrl-C.
#
#   bash testing/control-plane/start.sh
#
# Builds the binaries first if needed (build.sh, about 11 min cold) and the launcher's classes
# (testing/kube-test-support). Run it as the user whose cache holds the binaries.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
module="$repo/testing/kube-test-support"

bash "$repo/testing/control-plane/build.sh" >&2
if [ ! -f "$module/target/launcher-classpath.txt" ] || [ -n "$(find "$module/src/main" -newer "$module/target/launcher-classpath.txt" -print -quit)" ]; then
  echo "building the launcher (testing/kube-test-support)" >&2
  (cd "$repo" && ./mvnw -B -q -pl testing/kube-test-support -am -DskipTests package)
  touch "$module/target/launcher-classpath.txt" # the plugin leaves an unchanged file untouched
fi
# exec: the JVM receives Ctrl-C itself and its shutdown hook stops both servers.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$module/target/classes:$(cat "$module/target/launcher-classpath.txt")" \
  io.eltm.testing.kube.ControlPlaneMain "$@"
