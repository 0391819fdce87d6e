#!/usr/bin/env bash
# Benchmark (not a test): the same GET sent directly to catalog-service and through api-gateway, in one run,
# with wrk at the same load. Prints req/s, p50, p99 and errors for both, and the gateway/direct ratio.
#   benchmarks/gateway-vs-direct.sh [connections=32] [seconds=20] [warm-up seconds=180]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-32}
SECONDS_EACH=${2:-20}
WARMUP_SECONDS=${3:-180}
GATEWAY=http://localhost:${GATEWAY_PORT:-8080}
DIRECT=http://localhost:${CATALOG_PORT:-18081}

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

# A book to read, registered through the gateway.
book=$(curl -fs -X POST "$GATEWAY/api/catalog/books" -H 'Content-Type: application/json' -d '{
  "title": "Benchmark book", "authors": ["Sam Newman"],
  "chapters": [{"number": 4, "title": "통합", "sections": [{"item": "4.7", "title": "REST", "page": 100}]}]}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
path="/api/catalog/books/$book"

# Warm-up: the JVMs compile the hot paths (C2) while under load, and on 2 shared cores that takes minutes,
# the gateway's deep reactive stacks most of all: measured cold, it shows a fraction of its steady rate.
# The rounds print the rate climbing, so the curve can be seen.
warm_up() { # name url
  local rates=() round
  until_stable "$2"
  for round in $(seq 1 $((WARMUP_SECONDS / 30))); do
    rates+=("$(wrk -t2 -c"$CONNECTIONS" -d30s "$2" | awk '/Requests\/sec/ {printf "%d", $2}')")
  done
  echo "warm-up $1 (req/s per 30 s round): ${rates[*]}"
}
warm_up direct "$DIRECT$path"
warm_up gateway "$GATEWAY$path"

measure() { # name url
  local out rps p50 p99 errors non2xx
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-8s %10s req/s   p50 %8s   p99 %8s   errors %s\n' "$1" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
  echo "$rps" > "/tmp/studyboard-bench-$1"
}

echo
echo "GET $path, $CONNECTIONS connections, ${SECONDS_EACH}s each, wrk 2 threads, $(nproc) cores"
measure direct "$DIRECT$path"
measure gateway "$GATEWAY$path"
awk -v g="$(cat /tmp/studyboard-bench-gateway)" -v d="$(cat /tmp/studyboard-bench-direct)" \
  'BEGIN { printf "gateway / direct throughput: %.2f (target >= 0.5)\n", g / d }'
echo "(stop with: docker compose -f docker-compose.yml -f benchmarks/docker-compose.direct.yml down)"
