#!/usr/bin/env bash
# Soak test: one database server, two instances of the service on it, mixed traffic for N minutes from
# loopback, then a report. Exits non-zero if the driver saw any error. Not part of `mvn test`.
#
#   bench/soak.sh [minutes=2] [workers=16]
#
# SOAK_RACES=off leaves out the scenario that answers one conversation on two instances at the same moment
# (each answer must then be applied or refused with 409, never fail otherwise).
#
# The database is H2 in server mode (from the service's own jar) unless SOAK_DB_URL names another one
# on loopback, e.g. a local PostgreSQL:
#   SOAK_DB_URL=jdbc:postgresql://127.0.0.1:5432/advisor SOAK_DB_USER=advisor SOAK_DB_PASSWORD=... \
#   SOAK_DB_DRIVER=org.postgresql.Driver SOAK_DB_DIALECT=POSTGRES bench/soak.sh 5
# Everything it writes goes to bench/results/soak-<time>/ (logs of each process, the report).
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-2}"
workers="${2:-16}"
jar=target/infra-advisor-0.1.0.jar
out="bench/results/soak-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

if [ ! -f "$jar" ] || [ -n "$(find src rules conversations pom.xml -newer "$jar" -print -quit)" ]; then
  echo "building $jar"
  mvn -B -q package -DskipTests >"$out/build.log" 2>&1
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

db_url="${SOAK_DB_URL:-}"
if [ -z "$db_url" ]; then
  db_port="$(free_port)"
  java -cp "$jar" org.h2.tools.Server -tcp -tcpPort "$db_port" -ifNotExists -baseDir "$out/db" >"$out/db.log" 2>&1 &
  pids+=("$!")
  db_url="jdbc:h2:tcp://127.0.0.1:$db_port/./soak"
fi

await_ready() {
  local url="$1" pid="$2" deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "$url/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "instance $url exited (see $out)"; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "not ready in 120 s: $url (see $out)"; exit 1; fi
    sleep 0.5
  done
}

# /prometheus needs the management token; the driver reads it from the same variable
export ADVISOR_MANAGEMENT_TOKEN="${ADVISOR_MANAGEMENT_TOKEN:-soak-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
targets=()
for name in a b; do
  port="$(free_port)"
  vars=(PORT="$port" DATASOURCES_DEFAULT_URL="$db_url"
        DATASOURCES_DEFAULT_USERNAME="${SOAK_DB_USER:-sa}" DATASOURCES_DEFAULT_PASSWORD="${SOAK_DB_PASSWORD:-}")
  [ -n "${SOAK_DB_DRIVER:-}" ] && vars+=(DATASOURCES_DEFAULT_DRIVER_CLASS_NAME="$SOAK_DB_DRIVER")
  [ -n "${SOAK_DB_DIALECT:-}" ] && vars+=(DATASOURCES_DEFAULT_DIALECT="$SOAK_DB_DIALECT")
  env "${vars[@]}" java -Xmx512m -jar "$jar" >"$out/instance-$name.log" 2>&1 &
  pids+=("$!")
  # one after the other, so that only the first runs the database migrations
  await_ready "http://127.0.0.1:$port" "$!"
  targets+=("http://127.0.0.1:$port")
done

set +e
java -cp "$jar" bench/Soak.java --targets "$(IFS=,; echo "${targets[*]}")" --minutes "$minutes" --workers "$workers" --races "${SOAK_RACES:-on}" | tee "$out/report.txt"
status="${PIPESTATUS[0]}"
set -e
grep -h -E "level=(ERROR|WARN)" "$out"/instance-*.log | head -20 > "$out/instance-warnings.txt" || true
echo "report and logs: $out"
exit "$status"
