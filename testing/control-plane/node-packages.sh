#!/usr/bin/env bash
# Installs, as root, the Debian packages the test node runs on: containerd, runc, the CNI plugins,
# iptables and conntrack (kube-proxy), gcc with the static C library (the pause image) and
# busybox-static (the tests' utility image); curl (copied into the sample ELTM image); and strace, with which DurabilityIT reads the shim's fsyncs and
# renames. A no-op when they are all there.
set -euo pipefail
packages=(containerd runc containernetworking-plugins iptables conntrack gcc libc6-dev busybox-static curl strace)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0
[ "$(id -u)" = 0 ] || { echo "node-packages.sh: installing ${missing[*]} needs root (sudo bash $0)" >&2; exit 1; }
echo "== installing the test node's packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
