#!/usr/bin/env bash
# Benchmark (not a test): what a new user waits for on the first `docker compose up --build`: no images of ours, no
# containers, no volumes, none of our build's layers cached. Kept, as on a machine that has pulled them before: the
# base and third-party images (JRE, Maven, PostgreSQL, Kafka, ...) and the Maven repository's cache mount; on a new
# machine add their download. Prints the time to build the images and the time from `up` until every service is
# healthy and the demo data is loaded.
#   benchmarks/first-run.sh
# It deletes the compose project's containers, volumes and our images: the stack comes back with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."

docker compose --progress quiet --profile grafana down --volumes --remove-orphans
# Our images only (every service names its image); never the third-party ones, which may not be pullable again.
mapfile -t ours < <(docker compose --profile grafana config --images | grep '^studyboard/' || true)
[ ${#ours[@]} -eq 0 ] || docker image rm --force "${ours[@]}" >/dev/null 2>&1 || true

begin=$(date +%s)
docker compose build --no-cache --quiet
built=$(date +%s)
# `up` returns once it has started everything, each container after what it depends on is healthy; the demo-loader
# starts last (after the gateway and the services) and exits when the notes are loaded.
docker compose --progress quiet up --detach --quiet-pull
status=$(docker wait "$(docker compose ps --all --quiet demo-loader)")
ready=$(date +%s)

echo "build: $((built - begin)) s (every image, the reactor compiled once, an AOT cache trained per image)"
echo "start: $((ready - built)) s (up until every service is healthy and the demo-loader has exited $status)"
echo "first run: $((ready - begin)) s"
[ "$status" = 0 ] || { docker compose logs demo-loader | tail -20; exit 1; }
