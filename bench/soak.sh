#!/usr/bin/env bash
# Soak test, run by hand as root (not in CI): SOAK_RUNS (default 200) runs in a row of one task on 5 hosts
# (`dotnet fab -P … soak`, bench/soak/fabfile) against private sshd "hosts" on loopback (lib/testhosts.sh), while a
# loop in the background hits the sshd at random moments: either it stops the whole server (listener and every open
# connection) and starts it again after a random pause, or it cuts the open connections only. Every run has a hard
# timeout (SOAK_TIMEOUT seconds, default 60). At the end it reports:
#   ok                   exit 0 and every host's last line in the output
#   failed, reported     exit 1 with a "Fatal error:" line naming a host
#   failed, unreported   any other ending: exit 0 with a host's last line missing, exit 1 without such a line, another code
#   hangs                the hard timeout ended the run (must be 0)
#   leaked               sshd sessions of the login user left after all runs, established TCP connections to the hosts'
#                        port with no dotnet-fab left to own them, remote commands still running
# and the distinct failure messages (hosts and ports replaced by HOST, PORT) with their counts.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs="${SOAK_RUNS:-200}"
limit="${SOAK_TIMEOUT:-60}"
user=fabsoak
[[ "$(id -u)" -eq 0 ]] || { echo "soak.sh needs root: it starts sshd and creates the login user '$user'." >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "SOAK_RUNS must be a positive number, not '$runs'." >&2; exit 2; }

source "$repo/bench/lib/testhosts.sh"
work="$(mktemp -d -t fabric-soak-XXXXXX)"
hitter=""
cleanup() {
  if [[ -n "$hitter" ]]; then
    kill "$hitter" 2>/dev/null || true
    wait "$hitter" 2>/dev/null || true
    sleep 0.5   # an sshd it was starting writes its pid file
  fi
  testhosts_stop "$work"
  rm -rf "$work"
}
trap cleanup EXIT
testhosts_user "$user"
testhosts_start "$work" 5

echo "Building dotnet-fab (Release) and the soak fabfile..."
dotnet build "$repo/src/Fabric.Tool/Fabric.Tool.csproj" -c Release -nologo -v q >/dev/null
tool="$repo/src/Fabric.Tool/bin/Release/net10.0/dotnet-fab.dll"
common=(-f "$repo/bench/soak/fabfile" -u "$user" -i "$KEY" --known-hosts "$KNOWN_HOSTS" --reject-unknown-hosts -t 5)
dotnet "$tool" "${common[@]}" --list >/dev/null   # builds the fabfile once, before the server is hit
host_list=""
for h in "${HOSTS[@]}"; do host_list+="$h:$PORT,"; done
host_list="${host_list%,}"

# random LOW HIGH: a random number of seconds between LOW and HIGH, for sleep.
random() { awk -v r="$RANDOM" -v lo="$1" -v hi="$2" 'BEGIN { printf "%.2f", lo + (hi - lo) * r / 32767 }'; }

# hit: forever, after a random pause, restart the sshd (connections cut, listener down for a random time) or cut its
# connections. Kills only processes this script started: the sshd by its pid file, its sessions as that pid's children.
hit() {
  local pidfile="$work/sshd/0.pid" pid sessions
  while true; do
    sleep "$(random 0.5 4)"
    pid="$(cat "$pidfile")"
    sessions="$(pgrep -P "$pid" | tr '\n' ' ' || true)"
    if (( RANDOM % 2 == 0 )); then
      kill $sessions "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo restart >> "$work/hits"
      sleep "$(random 0 1.5)"
      /usr/sbin/sshd -f "$work/sshd/0.conf" -E "$work/sshd/0.log"
      until [[ -s "$pidfile" ]]; do sleep 0.05; done
    elif [[ -n "$sessions" ]]; then
      kill $sessions 2>/dev/null || true
      echo cut >> "$work/hits"
    fi
  done
}

echo "Soak: $runs runs of 'soak' on ${#HOSTS[@]} hosts (-P, hard timeout ${limit} s) while sshd is hit at random..."
hit &
hitter=$!
ok=0 reported=0 unreported=0 hangs=0 traces=0
: > "$work/messages"
: > "$work/times"
for (( run = 1; run <= runs; run++ )); do
  started=$(date +%s.%N)
  code=0
  timeout -k 5 "$limit" dotnet "$tool" "${common[@]}" -P -H "$host_list" soak > "$work/out" 2> "$work/err" || code=$?
  awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", b - a }' >> "$work/times"
  grep -qE '^\s+at [A-Za-z_.]+' "$work/out" "$work/err" && traces=$((traces + 1))
  finished=0
  for h in "${HOSTS[@]}"; do grep -qxF "[$h:$PORT] out: end $h" "$work/out" && finished=$((finished + 1)); done
  named=0
  grep -qE "^Fatal error:.*127\.0\.0\.[0-9]+:$PORT" "$work/err" && named=1
  if (( code == 124 || code == 137 )); then
    hangs=$((hangs + 1)); what=hang
    cp "$work/out" "$work/hang-$run.out"; cp "$work/err" "$work/hang-$run.err"
  elif (( code == 0 && finished == ${#HOSTS[@]} )); then
    ok=$((ok + 1)); what=ok
  elif (( code == 1 && named == 1 )); then
    reported=$((reported + 1)); what=reported
  else
    unreported=$((unreported + 1)); what="UNREPORTED (exit $code, $finished hosts finished)"
    cp "$work/out" "$work/unreported-$run.out"; cp "$work/err" "$work/unreported-$run.err"
    sed 's/^/    | /' "$work/err" | tail -5
  fi
  if [[ "$what" != ok ]]; then
    { grep -E '^(Fatal error:|  \[)' "$work/err" || echo "(exit $code, no Fatal error line)"; } \
      | sed -E 's/127\.0\.0\.[0-9]+/HOST/g; s/(:|port )[0-9]+/\1PORT/g' >> "$work/messages"
  fi
  if (( run % 20 == 0 )) || [[ "$what" != ok ]]; then echo "  run $run: $what"; fi
done

kill "$hitter" 2>/dev/null; wait "$hitter" 2>/dev/null || true
hitter=""
sleep 2   # let sshd notice the last clients going away
sessions=$(pgrep -u "$user" -c -f "^sshd: $user" || true)
remote=$(( $(pgrep -u "$user" -c || true) - sessions ))
clients=$(ss -Htn state established "( dport = :$PORT )" | wc -l)
tools=$(pgrep -c -f "dotnet $tool" || true)
hits=$(sort "$work/hits" 2>/dev/null | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')
times=$(sort -n "$work/times" | awk '{ t[NR] = $1 } END { printf "median %.2f s, max %.2f s", t[int((NR + 1) / 2)], t[NR] }')

echo
echo "Soak results ($runs runs; sshd hits: ${hits:-none}; run time $times)"
echo "  ok:                 $ok"
echo "  failed, reported:   $reported"
echo "  failed, unreported: $unreported"
echo "  hangs:              $hangs"
echo "  runs with a stack trace in their output: $traces"
echo "  leaked after all runs: $sessions sshd sessions of $user, $clients established client connections to port $PORT" \
  "($tools dotnet-fab still running), $remote remote processes of $user"
if [[ -s "$work/messages" ]]; then
  echo "  failure messages (count, text):"
  sort "$work/messages" | uniq -c | sort -rn | sed 's/^/  /'
fi
(( hangs == 0 && unreported == 0 && sessions == 0 && clients == 0 ))
