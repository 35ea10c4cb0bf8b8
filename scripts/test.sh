#!/usr/bin/env bash
# Parley's whole test suite in one command (`npm test`), on a fresh Debian 12 machine or a developer's:
#   1. installs what is missing: Debian's postgresql and chromium (as root, via apt), node modules (npm ci);
#   2. builds, type-checks, checks the widget size budget and the layer boundaries;
#   3. starts a throwaway PostgreSQL cluster on a free loopback port (stopped and removed at the end);
#   4. runs every test file with node's test runner, on SQLite and PostgreSQL, and Chromium for the widget;
#   5. ends with the runner's summary and a plain "tests: N passed, N failed, N skipped" line.
# Options: --quick  skip installing (apt, npm ci); use what is there.
#          FILES...  run only these test files (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$SECONDS
step() { echo "=== [$((SECONDS - T0))s] $*"; }

quick=0; files=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    *) files+=("$arg") ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
# better-sqlite3 is compiled here against Node's own headers (/usr/include/node): no download is possible.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

if [ "$quick" = 0 ]; then
  step "system packages"
  need=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
  # Emoji (reactions) in the screenshots the browser tests keep for people to look at.
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)
  command -v g++ >/dev/null || need+=(g++ make python3)
  if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    as_root apt-get update -qq || true
    as_root apt-get install -y -qq "${need[@]}" >/tmp/parley-apt.log 2>&1 || { tail -50 /tmp/parley-apt.log; exit 1; }
  fi

  step "node modules"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund || { echo "npm ci failed, retrying once"; sleep 5; npm ci --no-audit --no-fund; }
  else
    echo "node_modules matches package-lock.json"
  fi
fi
node -e "require('better-sqlite3')(':memory:').close()" || { echo "better-sqlite3 is not built; run npm ci"; exit 1; }

step "build, type-check, size budget"
node scripts/build.mjs --if-stale
npx --no-install tsc -p .
node scripts/check-size.mjs

PGROOT=""
stop_pg() {
  if [ -n "$PGROOT" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_pg EXIT
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  step "throwaway PostgreSQL"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGROOT=$(mktemp -d /tmp/parley-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
  PGPORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PGROOT/initdb.log" 2>&1 \
    || { cat "$PGROOT/initdb.log"; exit 1; }
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PGROOT/server.log"; exit 1; }
  export PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
else
  echo "PostgreSQL is not installed: its tests will be skipped (run without --quick to install it)"
fi
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

step "tests"
if ((${#files[@]} == 0)); then
  shopt -s globstar nullglob
  files=(src/**/*.test.ts test/**/*.test.ts)
fi
((${#files[@]})) || { echo "no test files found"; exit 1; }
rm -f .tmp/results.tap; mkdir -p .tmp
set +e
# No --test-force-exit: on Node 20 it truncates the file reporter's summary; `timeout` guards hangs instead.
timeout 1200 node --import tsx --test --test-concurrency=2 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.tmp/results.tap \
  "${files[@]}"
rc=$?
set -e
count() { awk -v k="$1" '$1 == "#" && $2 == k { n = $3 } END { print n + 0 }' .tmp/results.tap 2>/dev/null || echo 0; }
step "done (exit $rc)"
echo "tests: $(count pass) passed, $(count fail) failed, $(count skipped) skipped"
exit $rc
