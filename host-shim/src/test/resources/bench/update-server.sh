#!/usr/bin/env bash
# The guide's update-server.sh, written faithfully as the benchmark's baseline (docs/performance.md):
# stop, sleep 3, extract into mktemp -d, rsync-style copy of the replaced paths, Postgres alone,
# psql migrations, start all, clean up. It prints DOWNTIME_START_NS right before mstop-all.
# Usage: update-server.sh TARBALL ENV_FILE FROM_MIGRATION
set -euo pipefail
tarball=$1 env_file=$2 applied=$3
. "$env_file"
admin=$ISERVER_HOME/server/webserver/admin

echo "DOWNTIME_START_NS=$(date +%s%N)"
"$admin/mstop-all"
sleep 3
staging=$(mktemp -d)
tar xzf "$tarball" -C "$staging" --strip-components=1

copy() { # rsync-style: the destination ends up with exactly the source's content
  if command -v rsync >/dev/null; then
    rsync -a --delete "$staging/$1/" "$ISERVER_HOME/$1/"
  else
    rm -rf "${ISERVER_HOME:?}/$1" && mkdir -p "$ISERVER_HOME/$1" && cp -a "$staging/$1/." "$ISERVER_HOME/$1/"
  fi
}
for p in server/webserver/admin server/utils server/pgsql.factory bin library/JDBC server/engine/lib; do
  copy "$p"
done
cp -a "$staging"/server/engine/*.jar "$ISERVER_HOME/server/engine/"
cp -a "$staging/VERSION" "$ISERVER_HOME/VERSION"

"$admin/mstart-pgsql"
for f in "$ISERVER_HOME"/server/pgsql.factory/migrations/V*__*.sql; do
  name=$(basename "$f"); v=${name#V}; v=${v%%__*}
  if [ "$v" -gt "$applied" ]; then
    psql -v ON_ERROR_STOP=1 -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$PGDATABASE" -1 -f "$f" \
      -c "INSERT INTO schema_version (installed_rank, version, description, type, script, installed_by, execution_time, success)
          SELECT max(installed_rank) + 1, '$v', 'update-server.sh', 'SQL', '$name', current_user, 0, true FROM schema_version"
  fi
done
"$admin/mstart-all"
rm -rf "$staging"
