#!/usr/bin/env bash
# Two nodes, one database: two processes of the same jar (profile mysql) on one MariaDB behind HAProxy on
# localhost, driven with enterprise enrollment chains through /api (ChainDriver.java beside this file).
#
#   bash src/test/bench/two-nodes.sh
#
# Phases: (1) node A alone, (2) nodes A and B, (3) A and B with B killed by `kill -9` a third into the phase and
# started again at once. Each phase warms up, then measures chains per second and chains per CPU-second of the
# application processes (utime + stime from /proc). Between the phases it checks that a login made on one node is
# served by the other and that an upload stored through one node is read through the other (shared directory).
# At the end it waits for every notice timer (hardship.notice.period=PT20S here) to file its household and checks by
# SQL: nothing lost, no duplicate application, file, follow-up or ledger entry, no job run twice, no stuck job, no
# incident; it counts failed job runs (retries) and OptimisticLockingExceptions. Figures: docs/benchmarks.md.
#
# Not part of ./mvnw verify. Settings (environment): BENCH_SECONDS (measured seconds per phase, 150),
# BENCH_WARMUP (seconds, 45), BENCH_THREADS (client threads, 2), BENCH_DB (database, hardship_two_nodes),
# BENCH_SKIP_BUILD=1 (use target/hardship-relief-*.jar as it is), BENCH_KEEP=1 (leave nodes and HAProxy running).
set -euo pipefail
cd "$(dirname "$0")/../../.."

DB=${BENCH_DB:-hardship_two_nodes}
MEASURE=${BENCH_SECONDS:-150}
WARMUP=${BENCH_WARMUP:-45}
THREADS=${BENCH_THREADS:-2}
WORK=$PWD/target/two-nodes
PORT_LB=18080 PORT_A=18081 PORT_B=18082
TICKS=$(getconf CLK_TCK)
mkdir -p "$WORK"
# a HAProxy left by an interrupted run would share the port (SO_REUSEPORT) with the new one
[ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
rm -f "$WORK"/*.log "$WORK"/chains-*.csv "$WORK"/*.pid
SQL() { mysql -h127.0.0.1 -uroot -N -B "$DB" -e "$1"; }
log() { echo "[$(date +%T)] $*" | tee -a "$WORK/summary.log"; }
: > "$WORK/summary.log"

# --- what the benchmark needs: the jar, HAProxy from Debian, MariaDB
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building the jar"
  ./mvnw -q -DskipTests package
fi
# the nodes run a copy, so that a build in the meantime does not change the jar under them
cp "$(ls target/hardship-relief-*.jar | grep -v plain | head -1)" "$WORK/hardship-relief.jar"
JAR=$WORK/hardship-relief.jar
if ! command -v haproxy >/dev/null; then
  apt-get install -y haproxy
fi
if ! mysql -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 60); do mysql -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done
fi
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rm -rf "$WORK/uploads"

# --- the nodes: same jar, same database, same shared upload directory, small heaps
export DB_NAME=$DB DB_POOL_SIZE=${DB_POOL_SIZE:-20} HARDSHIP_DEMO_DATA=true HARDSHIP_STORAGE_DIR=$WORK/uploads
export HARDSHIP_CRYPTO_KEY=${HARDSHIP_CRYPTO_KEY:-$(head -c 32 /dev/urandom | base64)}
declare -A PID FROM
start_node() { # name port
  touch "$WORK/node-$1.log"; FROM[$1]=$(($(wc -l <"$WORK/node-$1.log") + 1))
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=mysql --server.port="$2" \
    --hardship.demo-households=false --hardship.notice.period=PT20S \
    --camunda.bpm.job-execution.lock-time-in-millis=30000 \
    --camunda.bpm.generic-properties.properties.hostname="node-$1" >>"$WORK/node-$1.log" 2>&1 &
  PID[$1]=$!
  log "node $1 started, pid ${PID[$1]}, port $2"
}
wait_node() { # name port
  local until=$((SECONDS + 600))
  while [ "$SECONDS" -lt "$until" ]; do
    # up once the start-up banner is out (after the demo data, written when the application is ready) and the
    # login page answers
    tail -n +"${FROM[$1]}" "$WORK/node-$1.log" | grep -q "Hardship Relief is running" && curl -sf -o /dev/null "http://127.0.0.1:$2/login" \
      && { log "node $1 answers on $2 ($(tail -n +"${FROM[$1]}" "$WORK/node-$1.log" | grep -o 'Started HardshipReliefApplication in [0-9.]* seconds'))"; return; }
    kill -0 "${PID[$1]}" 2>/dev/null || { log "node $1 died, see $WORK/node-$1.log"; exit 1; }
    sleep 1
  done
  log "node $1 did not start"; exit 1
}
cpu() { # CPU seconds (user + system) of the named nodes so far
  local total=0
  for n in "$@"; do
    [ -r "/proc/${PID[$n]}/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/${PID[$n]}/stat")))
  done
  echo "$total"
}
memory() { # resident set and used heap of each named node
  for n in "$@"; do
    log "node $n memory: RSS $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/${PID[$n]}/status"), heap used after a full GC $(jcmd "${PID[$n]}" GC.run >/dev/null 2>&1; jcmd "${PID[$n]}" GC.heap_info 2>/dev/null | awk '/generation/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?/, "", v); sum += v}} END {printf "%.0f MB", sum / 1024}')"
  done
}
db_cpu() { awk '{print $14 + $15}' "/proc/$(pgrep -o -x mariadbd)/stat"; }
cleanup() {
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    for n in "${!PID[@]}"; do kill "${PID[$n]}" 2>/dev/null || true; done
    [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  fi
}
trap cleanup EXIT

cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  retries 2
  retry-on conn-failure
  option redispatch
frontend hardship
  bind 127.0.0.1:$PORT_LB
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /css/app.css
  http-response set-header X-Node %s
  server a 127.0.0.1:$PORT_A check inter 1s fall 2 rise 2
  server b 127.0.0.1:$PORT_B check inter 1s fall 2 rise 2
EOF
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
LB=http://127.0.0.1:$PORT_LB

# node A first: it creates the schema (Liquibase) and the demo organisation; B then starts on an existing schema
start_node a $PORT_A; wait_node a $PORT_A

# bench workers bw0001…bw3000, half in each demo department (worker1's and worker2's unit and groups)
SQL "INSERT INTO app_user (username, display_name, password_hash, org_unit_id, enabled)
       SELECT CONCAT('bw', LPAD(s.seq, 4, '0')), CONCAT('压测职工', s.seq), u.password_hash, u.org_unit_id, TRUE
       FROM seq_1_to_3000 s JOIN app_user u ON u.username = IF(s.seq % 2 = 0, 'worker1', 'worker2');
     INSERT INTO app_membership (username, group_id)
       SELECT CONCAT('bw', LPAD(s.seq, 4, '0')), m.group_id
       FROM seq_1_to_3000 s JOIN app_membership m ON m.username = IF(s.seq % 2 = 0, 'worker1', 'worker2');"
[ "$(SQL "SELECT COUNT(*) FROM app_user WHERE username LIKE 'bw%'")" = 3000 ] || { log "bench workers not created"; exit 1; }

drive() { # label seconds first last [kill]
  java src/test/bench/ChainDriver.java "$LB" "$THREADS" "$2" "$3" "$4" "$WORK/chains-$1.csv" | tee "$WORK/driver-$1.log"
}
measure() { # label first last nodes...
  local label=$1 first=$2 last=$3; shift 3
  local c0 d0 t0 c1 d1 t1 chains
  c0=$(cpu "$@"); d0=$(db_cpu); t0=$(date +%s.%N)
  drive "$label" "$MEASURE" "$first" "$last"
  t1=$(date +%s.%N); c1=$(cpu "$@"); d1=$(db_cpu)
  chains=$(wc -l <"$WORK/chains-$label.csv")
  awk -v l="$label" -v n="$chains" -v c="$((c1 - c0))" -v d="$((d1 - d0))" -v k="$TICKS" -v s="$(echo "$t1 - $t0" | bc)" \
    'BEGIN { printf "RESULT %s: %d chains in %.1f s = %.3f chains/s; app CPU %.1f s = %.3f chains per CPU-s (%.0f ms CPU per chain); mariadbd CPU %.1f s\n", l, n, s, n / s, c / k, n / (c / k), 1000 * (c / k) / n, d / k }' \
    | tee -a "$WORK/summary.log"
}

# --- phase 1: one node
log "phase 1: node A alone, warm-up ${WARMUP}s"
drive warmup-a "$WARMUP" 1 200 >/dev/null
measure one-node 201 1000 a
memory a

# --- phase 2: two nodes
start_node b $PORT_B; wait_node b $PORT_B
sleep 3  # HAProxy's check marks B up
log "phase 2: nodes A and B, warm-up ${WARMUP}s"
drive warmup-ab "$WARMUP" 1001 1200 >/dev/null
measure two-nodes 1201 2000 a b
memory a b

# --- any node serves any user: a login through one node, pages from both
FAILED=0
login() { # base-url username: a form login into $WORK/cookies.txt
  rm -f "$WORK/cookies.txt"
  local csrf
  csrf=$(curl -s -c "$WORK/cookies.txt" -b "$WORK/cookies.txt" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$WORK/cookies.txt" -b "$WORK/cookies.txt" \
    --data-urlencode "username=$2" --data-urlencode "password=demo123" --data-urlencode "_csrf=$csrf" "$1/login"
}
log "login of head1 through HAProxy: $(login "$LB" head1)"
SERVED=""
for _ in 1 2 3 4 5 6; do
  SERVED="$SERVED $(curl -s -o "$WORK/page.html" -D - -b "$WORK/cookies.txt" "$LB/tasks" | tr -d '\r' | awk '/^HTTP/ {s=$2} tolower($1) == "x-node:" {n=$2} END {print n ":" s}')"
  grep -q '王强' "$WORK/page.html" || FAILED=1
done
if [ "$FAILED" = 0 ]; then
  log "ok   one session, six pages through HAProxy, each with head1's name (node:status):$SERVED"
else
  log "FAIL a page through HAProxy did not know head1 (node:status):$SERVED"
fi

# --- uploads on storage both nodes see: stored through A, read through B
PDF=$WORK/evidence.pdf; printf '%%PDF-1.4\n%% two-nodes evidence %s\n%%%%EOF\n' "$(date +%s%N)" >"$PDF"
TOKEN=$(curl -s -u union1:demo123 -X POST "http://127.0.0.1:$PORT_A/api/tokens" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
java src/test/bench/ChainDriver.java --json 2999 >"$WORK/upload.json"
UPLOAD=$(curl -s -H "Authorization: Bearer $TOKEN" -F "application=@$WORK/upload.json;type=application/json" \
  -F "hardshipCertificateFiles=@$PDF;type=application/pdf" "http://127.0.0.1:$PORT_A/api/applications")
APP_ID=$(echo "$UPLOAD" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
DOC_ID=$(echo "$UPLOAD" | sed -n 's/.*"evidence":\[{"id":\([0-9]*\),.*/\1/p')
log "login of union1 on node B: $(login "http://127.0.0.1:$PORT_B" union1)"
curl -s -o "$WORK/read-back.pdf" -b "$WORK/cookies.txt" "http://127.0.0.1:$PORT_B/applications/$APP_ID/evidence/$DOC_ID"
if [ -n "$DOC_ID" ] && cmp -s "$PDF" "$WORK/read-back.pdf"; then
  log "ok   upload stored through node A (application $APP_ID, document $DOC_ID) read back through node B: identical"
else
  log "FAIL the upload stored through node A (application $APP_ID, document $DOC_ID) was not read back through node B"
  FAILED=1
fi

# --- phase 3: kill -9 one node mid-run, start it again
log "phase 3: nodes A and B, B killed with kill -9 after $((MEASURE / 3)) s and started again"
( sleep $((MEASURE / 3)); log "kill -9 node b (pid ${PID[b]})"; kill -9 "${PID[b]}" ) &
KILLER=$!
drive kill "$MEASURE" 2001 2998 & DRIVER=$!
wait "$KILLER"
sleep 2
start_node b $PORT_B
wait_node b $PORT_B
wait "$DRIVER"

# --- the checks, once every notice timer has run
BW="applicant_username LIKE 'bw%'"
log "waiting for every notice timer to file its household"
for _ in $(seq 180); do
  OPEN=$(SQL "SELECT COUNT(*) FROM enrollment_application WHERE $BW AND status IN ('APPROVED','IN_NOTICE')")
  [ "$OPEN" = 0 ] && break
  sleep 2
done
DONE_IDS=$(cat "$WORK"/chains-*.csv | cut -d, -f1 | paste -sd, -)
CHAINS=$(cat "$WORK"/chains-*.csv | wc -l)
check() { # label expected sql
  local got; got=$(SQL "$3")
  if [ "$got" = "$2" ]; then log "ok   $1: $got"; else log "FAIL $1: $got (expected $2)"; FAILED=1; fi
}
log "chains the driver finished: $CHAINS"
check "finished chains not in the database" 0 "SELECT $CHAINS - COUNT(*) FROM enrollment_application WHERE id IN ($DONE_IDS)"
check "finished chains not filed" 0 "SELECT COUNT(*) FROM enrollment_application a LEFT JOIN household_file f ON f.application_id = a.id WHERE a.id IN ($DONE_IDS) AND (a.status <> 'FILED' OR f.id IS NULL)"
check "applications still waiting for a timer" 0 "SELECT COUNT(*) FROM enrollment_application WHERE $BW AND status IN ('APPROVED','IN_NOTICE')"
check "workers with two applications" 0 "SELECT COUNT(*) FROM (SELECT applicant_username FROM enrollment_application WHERE $BW GROUP BY applicant_username HAVING COUNT(*) > 1) d"
check "applications with two household files" 0 "SELECT COUNT(*) FROM (SELECT application_id FROM household_file GROUP BY application_id HAVING COUNT(*) > 1) d"
check "household files with two follow-up processes" 0 "SELECT COUNT(*) FROM (SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'householdFollowUp' GROUP BY BUSINESS_KEY_ HAVING COUNT(*) > 1) d"
check "household files without a follow-up process" 0 "SELECT COUNT(*) FROM household_file f WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_ = CAST(f.id AS CHAR) AND e.PARENT_ID_ IS NULL)"
check "ledger entries paid twice (payment key, grant)" 0 "SELECT (SELECT COUNT(*) FROM (SELECT payment_key FROM aid_payment GROUP BY payment_key HAVING COUNT(*) > 1) a) + (SELECT COUNT(*) FROM (SELECT grant_id FROM aid_payment WHERE status <> 'FAILED' GROUP BY grant_id HAVING COUNT(*) > 1) b)"
check "jobs that ran to success twice" 0 "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY JOB_ID_ HAVING COUNT(*) > 1) d"
check "jobs due for over a minute and not run (stuck)" 0 "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ < NOW() - INTERVAL 60 SECOND"
check "jobs with an exception or without retries" 0 "SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL OR RETRIES_ = 0"
check "incidents" 0 "SELECT COUNT(*) FROM ACT_RU_INCIDENT"
log "timer jobs run per node: $(SQL "SELECT GROUP_CONCAT(CONCAT(HOSTNAME_, '=', n)) FROM (SELECT HOSTNAME_, COUNT(*) n FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_) d")"
log "failed job runs (retried): $(SQL "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1"), of them OptimisticLockingException: $(SQL "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1 AND JOB_EXCEPTION_MSG_ LIKE '%ptimistic%'")"
log "successful job runs: $(SQL "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2")"
log "OptimisticLockingException in the node logs: $(cat "$WORK"/node-*.log | grep -c OptimisticLockingException || true)"
log "HTTP 5xx answered by the nodes (logged errors): $(cat "$WORK"/node-*.log | grep -c ' ERROR ' || true)"
grep RESULT "$WORK/summary.log" | tee "$WORK/results.txt"
awk '/RESULT one-node/ {for (i = 1; i <= NF; i++) if ($i == "chains" && $(i+1) == "per") one = $(i-1)}
     /RESULT two-nodes/ {for (i = 1; i <= NF; i++) if ($i == "chains" && $(i+1) == "per") two = $(i-1)}
     END { if (one > 0) printf "two nodes / one node, chains per CPU-second: %.2f\n", two / one }' "$WORK/summary.log" | tee -a "$WORK/summary.log"
[ "$FAILED" = 0 ] && log "all checks passed" || { log "some checks FAILED"; exit 1; }
