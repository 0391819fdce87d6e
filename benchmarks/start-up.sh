#!/usr/bin/env bash
# Benchmark (not a test): how long each service takes to start, with and without the JVM's AOT cache that the image
# build trains (see the Dockerfile), in one run on this machine. Prints, per service and mode, Spring's own figure
# ("Started … in N seconds") and the time from the container's start until its readiness check answers.
#   1. alone: everything it needs already up, the service started by itself (median of ROUNDS starts);
#   2. together: the whole stack started at once, as `docker compose up` does (each service after what it
#      depends on is healthy, so several start at the same time on the same cores).
#   benchmarks/start-up.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SERVICES=(discovery-server auth-server catalog-service member-service progress-service api-gateway)
declare -A MANAGEMENT=([discovery-server]=8761 [auth-server]=9001 [catalog-service]=9081 [member-service]=9082
                      [progress-service]=9083 [api-gateway]=9080)

# Without the cache: the same image, the JVM told not to use it.
no_cache=$(mktemp --suffix=.yml)
trap 'rm -f "$no_cache"' EXIT
{
  echo "services:"
  for service in "${SERVICES[@]}"; do echo "  $service: {environment: {JDK_JAVA_OPTIONS: '-XX:AOTMode=off'}}"; done
} > "$no_cache"
compose() { # mode args...
  local mode=$1; shift
  if [ "$mode" = cache ]; then docker compose --progress quiet "$@"
  else docker compose --progress quiet -f docker-compose.yml -f "$no_cache" "$@"; fi
}

docker compose build --quiet "${SERVICES[@]}"

# A cache the JVM cannot use is only a warning at start, and the figures would compare nothing: with AOTMode=on the
# JVM refuses to start instead. Checked in each image, with the flags and the class path the image runs with.
for service in "${SERVICES[@]}"; do
  if ! docker compose run --rm --no-deps --entrypoint java "$service" \
      -XX:AOTCache=app.aot -XX:AOTMode=on -cp application.jar -version >/dev/null 2>&1; then
    echo "$service: its image's AOT cache cannot be used" >&2
    exit 1
  fi
done
echo "every image's AOT cache is usable"

compose cache up --detach --wait --quiet-pull "${SERVICES[@]}"

started_in() { # container: Spring's "Started X in N seconds" (the JSON logs' message)
  docker logs "$1" 2>&1 | grep -o 'Started [A-Za-z]* in [0-9.]* seconds' | tail -1 | awk '{print $4}'
}
ready_after() { # container port: seconds from the container's start until its readiness answers (polled every 0.5 s)
  local started deadline=$((SECONDS + 180))
  started=$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$1")" +%s.%N)
  until docker exec "$1" curl -fs -o /dev/null "http://localhost:$2/actuator/health/readiness" 2>/dev/null; do
    if [ "$SECONDS" -gt "$deadline" ]; then echo "$1 was not ready after 180 s" >&2; return 1; fi
    sleep 0.5
  done
  awk -v now="$(date +%s.%N)" -v started="$started" 'BEGIN {printf "%.1f", now - started}'
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo
echo "alone (median of $ROUNDS starts; what it depends on already up)"
printf '%-18s %-9s %12s %12s\n' service mode "Started in" "ready after"
for service in "${SERVICES[@]}"; do
  for mode in cache no-cache; do
    spring=() ready=()
    for _ in $(seq "$ROUNDS"); do
      compose "$mode" up --detach --no-deps --force-recreate --quiet-pull "$service"
      container=$(docker compose ps --quiet "$service")
      ready+=("$(ready_after "$container" "${MANAGEMENT[$service]}")")
      spring+=("$(started_in "$container")")
    done
    printf '%-18s %-9s %11ss %11ss\n' "$service" "$mode" \
      "$(printf '%s\n' "${spring[@]}" | median)" "$(printf '%s\n' "${ready[@]}" | median)"
  done
done

echo
echo "together (the stack stopped, then every service started at once)"
printf '%-18s %-9s %12s\n' service mode "Started in"
for mode in cache no-cache; do
  docker compose stop "${SERVICES[@]}" >/dev/null 2>&1
  begin=$(date +%s.%N)
  compose "$mode" up --detach --wait --force-recreate --quiet-pull "${SERVICES[@]}"
  for service in "${SERVICES[@]}"; do
    container=$(docker compose ps --quiet "$service")
    printf '%-18s %-9s %11ss\n' "$service" "$mode" "$(started_in "$container")"
  done
  awk -v now="$(date +%s.%N)" -v begin="$begin" 'BEGIN {printf "all six healthy %.0f s after up\n", now - begin}'
done
# Leave the stack as compose defines it (with the cache).
compose cache up --detach --force-recreate --quiet-pull "${SERVICES[@]}"
