#!/usr/bin/env bash
# Benchmark (not a test): the same GET sent directly to catalog-service and through api-gateway, in one run,
# with wrk at the same load, each twice: in full (200 with the book), and conditional (If-None-Match naming the
# book's current version: 304, no body, decided from the version alone). Prints req/s, p50, p99 and errors of all
# four, the gateway/direct ratios and the conditional/full ones.
#   benchmarks/gateway-vs-direct.sh [connections=32] [seconds=20] [warm-up seconds=180]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-32}
SECONDS_EACH=${2:-20}
WARMUP_SECONDS=${3:-180}
GATEWAY=http://localhost:${GATEWAY_PORT:-8080}
DIRECT=http://localhost:${CATALOG_PORT:-18081}
AUTH=http://localhost:${AUTH_PORT:-9000}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
compose=(docker compose -f docker-compose.yml -f benchmarks/docker-compose.direct.yml)
# Only what the request needs runs, so the other services do not take CPU from the measurement.
"${compose[@]}" up --build --detach --wait discovery-server api-gateway catalog-service

# A (re)created container needs a few seconds to be found through Eureka: wait for 50 successes in a row.
until_stable() {
  local ok=0
  while [ "$ok" -lt 50 ]; do
    if curl -fs -o /dev/null "$1"; then ok=$((ok + 1)); else ok=0; sleep 1; fi
  done
}
until_stable "$GATEWAY/api/catalog/books"

# A book to read, registered through the gateway by the demo-loader's client (catalog.write), and its ETag.
token=$(curl -fsS -u "demo-loader:${DEMO_LOADER_CLIENT_SECRET:-demo-only-loader-secret}" "$AUTH/oauth2/token" \
  -d grant_type=client_credentials -d scope=catalog.write | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
book=$(curl -fsS -X POST "$GATEWAY/api/catalog/books" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{
  "title": "Benchmark book", "authors": ["Sam Newman"],
  "chapters": [{"number": 4, "title": "통합", "sections": [{"item": "4.7", "title": "REST", "page": 100}]}]}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
path="/api/catalog/books/$book"
etag=$(curl -fsSI "$GATEWAY$path" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')
[ -n "$etag" ] || { echo "no ETag on $path" >&2; exit 1; }

# wrk counts only 4xx and 5xx as errors: a conditional GET answered 200 instead of 304 would be measured as the
# wrong request without a word. This script counts every answer whose status is not the one expected. The Lua
# callback per answer costs wrk some CPU on the same 2 cores, so these figures are not comparable with the older
# ones in the README, measured without it.
expect_status=$(mktemp --suffix=.lua)
trap 'rm -f "$expect_status"' EXIT
cat >"$expect_status" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) expected = tonumber(args[1]); unexpected = 0 end
function response(status) if status ~= expected then unexpected = unexpected + 1 end end
function done()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
  print("Unexpected status: " .. total)
end
LUA

# Warm-up: the JVMs compile the hot paths (C2) while under load, and on 2 shared cores that takes minutes,
# the gateway's deep reactive stacks most of all: measured cold, it shows a fraction of its steady rate.
# Each 30 s round is half full GET, half conditional, so both paths (the 304 has its own, without the book) are
# compiled before they are measured. The rounds print the rates climbing, so the curve can be seen.
warm_up() { # name url
  local rates=() full conditional
  until_stable "$2"
  for _ in $(seq 1 $((WARMUP_SECONDS / 30))); do
    full=$(wrk -t2 -c"$CONNECTIONS" -d15s "$2" | awk '/Requests\/sec/ {printf "%d", $2}')
    conditional=$(wrk -t2 -c"$CONNECTIONS" -d15s -H "If-None-Match: $etag" "$2" \
      | awk '/Requests\/sec/ {printf "%d", $2}')
    rates+=("$full/$conditional")
  done
  echo "warm-up $1 (req/s full/conditional per 30 s round): ${rates[*]}"
}
warm_up direct "$DIRECT$path"
warm_up gateway "$GATEWAY$path"

# Errors: socket errors, and answers with another status than expected (200 in full, 304 conditional).
measure() { # direct|gateway full|conditional url [wrk option...]
  local name="$1 $2" url=$3 expected=200 out rps p50 p99 errors unexpected
  if [ "$2" = conditional ]; then expected=304; fi
  shift 3
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$expect_status" "$@" "$url" "$expected")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  unexpected=$(awk '/Unexpected status/ {print $3}' <<<"$out")
  printf '%-26s %10s req/s   p50 %8s   p99 %8s   errors %s\n' \
    "$name ($expected)" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${unexpected:-0} ))"
  RATE["$name"]=$rps
}
declare -A RATE
ratio() { awk -v a="${RATE[$1]}" -v b="${RATE[$2]}" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "GET $path, $CONNECTIONS connections, ${SECONDS_EACH}s each, wrk 2 threads, $(nproc) cores"
echo "in full, and conditional with If-None-Match: $etag (the book's current version)"
measure direct full "$DIRECT$path"
measure direct conditional "$DIRECT$path" -H "If-None-Match: $etag"
measure gateway full "$GATEWAY$path"
measure gateway conditional "$GATEWAY$path" -H "If-None-Match: $etag"
echo "gateway / direct throughput: full $(ratio 'gateway full' 'direct full')," \
  "conditional $(ratio 'gateway conditional' 'direct conditional') (target >= 0.5)"
echo "conditional / full throughput: direct $(ratio 'direct conditional' 'direct full')," \
  "gateway $(ratio 'gateway conditional' 'gateway full')"
echo "(stop with: docker compose -f docker-compose.yml -f benchmarks/docker-compose.direct.yml down)"
