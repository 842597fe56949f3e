#!/usr/bin/env bash
# The benchmark suite: dotnet fab against its peers, side by side in one run, on private sshd "hosts" on loopback
# (127.0.0.2, .3, … on one port; lib/testhosts.sh). Run by hand as root, not in CI; stops its sshds at the end.
#   1. one command on N hosts (BENCH_SIZES, default "1 10 50 200"; up to 1000): dotnet fab serial and -P -z 50, an
#      `ssh` loop, xargs -P 50 ssh, parallel-ssh -p 50, Fabric 2 `fab -H` (serial) and ThreadingGroup, ansible -m raw
#      -f 50. From 500 hosts on, the three serial clients are left out (minutes per run, and nothing to learn) and
#      dotnet fab also runs with -z 200.
#   2. 20 commands on one host: dotnet fab over its one connection vs ssh with ControlMaster (warm, and cold: master
#      started and stopped inside the measurement, as our process connects inside its own)
#   3. Put and Get of a 200 MB file vs scp and sftp (bench/OpsHarness, in-process): whole command, and throughput (the time for
#      200 MB less the time for an empty file)
#   4. `dotnet fab --list` on an unchanged fabfile vs `fab --list` (bench/startup.sh)
#   5. peak memory (max RSS of BENCH_RUNS runs) of the client at N = 50 and 200, and at each size of 500 or more in
#      BENCH_SIZES
# The large sizes are not run by default; one command on 1,000 hosts and its peak memory, for example:
#   BENCH_SIZES="1 50 200 1000" BENCH_SECTIONS="1 5" bash bench/bench.sh
# (1,000 hosts are 63 sshds on 127.0.0.2-249, 127.0.1.2-249, ...; see lib/testhosts.sh, and docs/performance.md.)
#   6. 100 MB of command output on one host (`head -c 75000000 /dev/zero | base64`: 1.3 million lines of 76
#      characters), printed with stdout redirected to a file, and the same command with its output sent to /dev/null on
#      the host, by dotnet fab (with and without capturing it) and by ssh: median time and peak memory; and the tool's
#      output path alone, in-process, per line (bench/OutputHarness: to a file, with a log file, with secrets, captured)
# dotnet fab is measured as users get it: this checkout packed as install.sh packs it (precompiled, ReadyToRun),
# installed into a scratch tool folder, started by its `dotnet-fab` launcher.
# Before measuring, each client connects once to a probe sshd logging at DEBUG1, which says which key exchange each
# one negotiated. Medians come from hyperfine (BENCH_RUNS runs, default 3, one warm-up). Installs the peers from
# Debian's packages when missing: fabric, pssh, ansible-core, hyperfine, time.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
sizes=(${BENCH_SIZES:-1 10 50 200})
runs="${BENCH_RUNS:-3}"
sections=" ${BENCH_SECTIONS:-1 2 3 4 5 6} "   # which of the six to run
want() { [[ "$sections" == *" $1 "* ]]; }
pool=50
user=fabbench
py=/usr/bin/python3
[[ "$(id -u)" -eq 0 ]] || { echo "bench.sh needs root: it starts sshd and creates the login user '$user'." >&2; exit 2; }

need=()
command -v fab >/dev/null || need+=(fabric)
command -v parallel-ssh >/dev/null || need+=(pssh)
command -v ansible >/dev/null || need+=(ansible-core)
command -v hyperfine >/dev/null || need+=(hyperfine)
[[ -x /usr/bin/time ]] || need+=(time)
[[ -x /usr/sbin/sshd ]] || need+=(openssh-server)
if (( ${#need[@]} > 0 )); then
  echo "Installing ${need[*]}..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

source "$repo/bench/lib/testhosts.sh"
work="$(mktemp -d -t fabric-bench-XXXXXX)"
cleanup() {
  testhosts_stop "$work"
  [[ -S "$work/cm" ]] && ssh -o ControlPath="$work/cm" -O exit x 2>/dev/null || true
  rm -rf "$work" /tmp/fabric-bench-put.bin /tmp/fabric-bench-put0.bin /tmp/fabric-bench-scp.bin /tmp/fabric-bench-scp0.bin
}
trap cleanup EXIT
# Stopped by a signal (a timeout, Ctrl-C), the script exits through the EXIT trap too, so no sshd is left running.
trap 'exit 130' INT
trap 'exit 143' TERM
testhosts_user "$user"
max=0; for n in "${sizes[@]}"; do (( n > max )) && max=$n; done
(( max >= 1 )) || max=1
echo "Starting $max test hosts on loopback..."
testhosts_start "$work" "$max"

echo "Packing and installing dotnet-fab as install.sh does (into $work/tools), building the ops harness..."
dotnet pack "$repo/src/Fabric.Tool/Fabric.Tool.csproj" -c Release -p:FabricReadyToRun=true -p:PackageVersion=0.0.0-bench \
  -o "$work/packages" -nologo -v q >/dev/null
dotnet tool install Fabric.Tool --tool-path "$work/tools" --version 0.0.0-bench --add-source "$work/packages" >/dev/null
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/fabric.tool/0.0.0-bench"
# The harness is precompiled and runs without profile-guided re-JIT, like the installed tool (Fabric.Tool.csproj).
dotnet publish "$repo/bench/OpsHarness/OpsHarness.csproj" -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" \
  --self-contained false -p:PublishReadyToRun=true -p:TieredPGO=false -o "$work/harness" -nologo -v q >/dev/null
fab_tool="$work/tools/dotnet-fab"
harness="$work/harness/Fabric.Bench.dll"
fab_common=(-f "$repo/bench/fanout/fabfile" -u "$user" -i "$KEY" --known-hosts "$KNOWN_HOSTS" --reject-unknown-hosts)
"$fab_tool" "${fab_common[@]}" --list >/dev/null   # builds the fabfile once; measured runs find it up to date

ssh_opts=(-F /dev/null -p "$PORT" -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile="$KNOWN_HOSTS" -o StrictHostKeyChecking=yes)
export ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_SSH_ARGS="-o ControlMaster=no -o UserKnownHostsFile=$KNOWN_HOSTS" \
  ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_INVENTORY_UNPARSED_WARNING=False ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3
q() { printf '%q ' "$@"; }

# kept NAME COMMAND: COMMAND with its output kept in $work/NAME.out (not thrown away, as hyperfine does), and what it said
# besides each host's ok appended to $work/failures.txt when it fails: a failed run of ours at 1,000 hosts must say why.
kept() {
  printf '%s >%q 2>&1 || { { echo "== %s"; grep -v -e " ok " -e "] Executing task" -e "] run: " %q | tail -n 40; } >> %q; exit 1; }' \
    "$2" "$work/$1.out" "$1" "$work/$1.out" "$work/failures.txt"
}

# hosts_for N KIND: the first N hosts as each client writes them.
hosts_for() {
  local n=$1 kind=$2 i out=()
  for (( i = 0; i < n; i++ )); do
    case $kind in
      fab) out+=("${HOSTS[i]}:$PORT") ;;
      fab2) out+=("$user@${HOSTS[i]}:$PORT") ;;
      plain) out+=("${HOSTS[i]}") ;;
    esac
  done
  local IFS=,
  echo "${out[*]}"
}

# --- Which key exchange each client negotiates (one connection each to a probe sshd at LogLevel DEBUG1). ---
probe_port="$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.250", 0)); print(s.getsockname()[1])')"
probe_dir="$work/probe"; mkdir -p "$probe_dir"
(PORT=$probe_port; KNOWN=$KNOWN_HOSTS
 echo "[127.0.0.250]:$probe_port $(cut -d' ' -f1,2 "$work/host_key.pub")" >> "$KNOWN"
 testhosts_sshd "$work" probe "ListenAddress 127.0.0.250:$probe_port"$'\n' DEBUG1)
for _ in $(seq 100); do [[ -s "$work/sshd/probe.pid" ]] && break; sleep 0.05; done
kex_of() {  # kex_of LABEL COMMAND...: runs the command, then reads the kex the probe sshd logged for it
  local before; before=$(grep -c "kex: algorithm:" "$work/sshd/probe.log" || true)
  "${@:2}" >/dev/null 2>&1 || echo "  ($1 failed on the probe host)"
  sleep 0.2
  printf '  %-28s %s\n' "$1" "$(grep "kex: algorithm:" "$work/sshd/probe.log" | tail -n +$((before + 1)) | head -1 | sed -e 's/.*kex: algorithm: //' -e 's/ \[preauth\]//')"
}
printf '127.0.0.250 ansible_port=%s\n' "$probe_port" > "$work/probe.inventory"
{
  echo "Key exchange each client negotiated with OpenSSH $(ssh -V 2>&1 | cut -d' ' -f1 | cut -d_ -f2):"
  kex_of "dotnet fab (SSH.NET)" "$fab_tool" "${fab_common[@]}" -H "127.0.0.250:$probe_port" probe
  kex_of "ssh, xargs, parallel-ssh" ssh -F /dev/null -p "$probe_port" -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes \
    -o UserKnownHostsFile="$KNOWN_HOSTS" -o StrictHostKeyChecking=yes "$user@127.0.0.250" true
  kex_of "Fabric 2 (Paramiko)" fab -r "$repo/bench/fanout/fabric2" -i "$KEY" -H "$user@127.0.0.250:$probe_port" probe
  kex_of "ansible (OpenSSH ssh)" ansible all -i "$work/probe.inventory" -m raw -a true -u "$user" --private-key "$KEY"
} | tee "$work/kex.txt"

# --- 1. One command on N hosts. ---
want 1 && for n in "${sizes[@]}"; do
  echo; echo "One command on $n hosts..."
  printf '%s\n' $(hosts_for "$n" fab | tr , ' ') > "$work/pssh-$n.hosts"
  for (( i = 0; i < n; i++ )); do echo "${HOSTS[i]} ansible_port=$PORT"; done > "$work/ansible-$n.inventory"
  serial=() large=()
  if (( n < 500 )); then
    serial=(-n "dotnet fab serial" "$(kept "fab-serial-$n" "$(q "$fab_tool" "${fab_common[@]}" -H "$(hosts_for "$n" fab)" probe)")"
      -n "ssh loop (serial)" "for h in $(hosts_for "$n" plain | tr , ' '); do $(q ssh "${ssh_opts[@]}") $user@\$h true; done"
      -n "Fabric 2 fab -H (serial)" "$(q fab -r "$repo/bench/fanout/fabric2" -i "$KEY" -H "$(hosts_for "$n" fab2)" probe)")
  else
    large=(-n "dotnet fab -P -z 200" "$(kept "fab-z200-$n" "$(q "$fab_tool" "${fab_common[@]}" -P -z 200 -H "$(hosts_for "$n" fab)" probe)")")
  fi
  # --ignore-failure: a client that fails on some host (Fabric 2's ThreadingGroup at 1,000 hosts: "Error reading SSH
  # protocol banner" after Paramiko's 15 s) is still timed; report.py marks its failed runs from their exit codes.
  # From 500 hosts on, no warm-up run: each run takes minutes, and the sizes before it have warmed every cache.
  hyperfine --runs "$runs" --warmup $(( n >= 500 ? 0 : 1 )) --ignore-failure --style basic --export-json "$work/fanout-$n.json" \
    "${serial[@]}" \
    -n "dotnet fab -P -z $pool" "$(kept "fab-z$pool-$n" "$(q "$fab_tool" "${fab_common[@]}" -P -z "$pool" -H "$(hosts_for "$n" fab)" probe)")" \
    "${large[@]}" \
    -n "xargs -P $pool ssh" "$(q printf '%s\n' $(hosts_for "$n" plain | tr , ' ')) | xargs -P $pool -I{} $(q ssh "${ssh_opts[@]}") $user@{} true" \
    -n "parallel-ssh -p $pool" "$(q parallel-ssh -p "$pool" -h "$work/pssh-$n.hosts" -l "$user" -x "-F /dev/null -i $KEY -o IdentitiesOnly=yes -o UserKnownHostsFile=$KNOWN_HOSTS -o StrictHostKeyChecking=yes" true)" \
    -n "Fabric 2 ThreadingGroup" "$(q $py "$repo/bench/fanout/fabric2/threading_group.py" "$user" "$KEY" $(hosts_for "$n" fab | tr , ' '))" \
    -n "ansible -m raw -f $pool" "$(q ansible all -i "$work/ansible-$n.inventory" -m raw -a true -f "$pool" -u "$user" --private-key "$KEY")" \
    >/dev/null
  if [[ -s "$work/failures.txt" ]]; then
    echo "dotnet fab failed on $n hosts; what it said besides each host's ok:"
    cat "$work/failures.txt"
    : > "$work/failures.txt"
  fi
done

# --- 2. Twenty commands on one host. ---
if want 2; then
echo; echo "Twenty commands on one host..."
cm_opts=(-o ControlMaster=auto -o ControlPath="$work/cm" -o ControlPersist=300)
ssh "${ssh_opts[@]}" "${cm_opts[@]}" "$user@${HOSTS[0]}" true
hyperfine --runs "$((runs + 2))" --warmup 1 --style basic --export-json "$work/twenty.json" \
  -n "dotnet fab: 20 x Run (incl. start + connect)" "$(q "$fab_tool" "${fab_common[@]}" -H "${HOSTS[0]}:$PORT" twenty)" \
  -n "ssh ControlMaster, master already up" "for i in \$(seq 20); do $(q ssh "${ssh_opts[@]}" "${cm_opts[@]}" "$user@${HOSTS[0]}" true); done" \
  -n "ssh ControlMaster, master started + stopped" "$(q ssh "${ssh_opts[@]}" -o ControlPath="$work/cm2" -M -f -N "$user@${HOSTS[0]}"); for i in \$(seq 20); do $(q ssh "${ssh_opts[@]}" -o ControlPath="$work/cm2" "$user@${HOSTS[0]}" true); done; $(q ssh -o ControlPath="$work/cm2" -O exit x) 2>/dev/null" \
  >/dev/null
fi

# --- 3. Put and Get of 200 MB. ---
# Each client moves the 200 MB file and, in the same way, an empty one: the empty file's time is the client's fixed cost
# (process start, connections, login sessions), and 200 MB / (time for 200 MB - time for nothing) its throughput.
if want 3; then
echo; echo "Put and Get of 200 MB (and of an empty file)..."
head -c 200M /dev/urandom > "$work/big.bin"
: > "$work/empty.bin"
chmod 644 "$work/big.bin" "$work/empty.bin"
common=(${HOSTS[0]} "$PORT" "$user" "$KEY" "$KNOWN_HOSTS")
scp_opts=(-F /dev/null -P "$PORT" -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile="$KNOWN_HOSTS" -o StrictHostKeyChecking=yes)
# Ours with its SHA-256 check (the default) and with verify: false (size only); scp with OpenSSH's default cipher
# (chacha20-poly1305) and with the one we negotiate (aes128-gcm), for a like-for-like comparison; OpenSSH's sftp the same
# way (its batch mode: one put or get), as ours goes over SFTP too.
gcm=(-c aes128-gcm@openssh.com)
transfers() {  # transfers FILE TAG RUNS: Put of FILE, then Get of what was put, by each client; hyperfine JSON put$TAG, get$TAG
  local file=$1 tag=$2 n=$3 remote="/tmp/fabric-bench-put$2.bin" scp_remote="/tmp/fabric-bench-scp$2.bin" sftp_remote="/tmp/fabric-bench-sftp$2.bin"
  printf 'put %s %s\n' "$file" "$sftp_remote" > "$work/sftp-put$tag.txt"
  printf 'get %s %s\n' "$sftp_remote" "$work/back-sftp$tag.bin" > "$work/sftp-get$tag.txt"
  hyperfine --runs "$n" --warmup 1 --style basic --export-json "$work/put$tag.json" \
    -n "dotnet fab: Put 200 MB" "$(q dotnet "$harness" put "${common[@]}" "$file" "$remote")" \
    -n "dotnet fab: Put 200 MB, size check only" "$(q dotnet "$harness" put-size "${common[@]}" "$file" "$remote")" \
    -n "scp: upload 200 MB" "$(q scp "${scp_opts[@]}" "$file" "$user@${HOSTS[0]}:$scp_remote")" \
    -n "scp aes128-gcm: upload 200 MB" "$(q scp "${gcm[@]}" "${scp_opts[@]}" "$file" "$user@${HOSTS[0]}:$scp_remote")" \
    -n "sftp: upload 200 MB" "$(q sftp -q -b "$work/sftp-put$tag.txt" "${scp_opts[@]}" "$user@${HOSTS[0]}")" \
    -n "sftp aes128-gcm: upload 200 MB" "$(q sftp -q -b "$work/sftp-put$tag.txt" "${gcm[@]}" "${scp_opts[@]}" "$user@${HOSTS[0]}")" >/dev/null
  hyperfine --runs "$n" --warmup 1 --style basic --export-json "$work/get$tag.json" \
    -n "dotnet fab: Get 200 MB" "$(q dotnet "$harness" get "${common[@]}" "$remote" "$work/back$tag.bin")" \
    -n "dotnet fab: Get 200 MB, size check only" "$(q dotnet "$harness" get-size "${common[@]}" "$remote" "$work/back$tag.bin")" \
    -n "scp: download 200 MB" "$(q scp "${scp_opts[@]}" "$user@${HOSTS[0]}:$scp_remote" "$work/back-scp$tag.bin")" \
    -n "scp aes128-gcm: download 200 MB" "$(q scp "${gcm[@]}" "${scp_opts[@]}" "$user@${HOSTS[0]}:$scp_remote" "$work/back-scp$tag.bin")" \
    -n "sftp: download 200 MB" "$(q sftp -q -b "$work/sftp-get$tag.txt" "${scp_opts[@]}" "$user@${HOSTS[0]}")" \
    -n "sftp aes128-gcm: download 200 MB" "$(q sftp -q -b "$work/sftp-get$tag.txt" "${gcm[@]}" "${scp_opts[@]}" "$user@${HOSTS[0]}")" >/dev/null
}
transfers "$work/big.bin" "" "$runs"
cmp "$work/big.bin" "$work/back.bin" || { echo "Get did not return the bytes Put sent." >&2; exit 1; }
transfers "$work/empty.bin" 0 "$((runs + 2))"
fi

# --- 5. Peak memory. ---
echo; echo "Peak memory..."
: > "$work/memory.txt"
memory_sizes=(50 200)
for n in "${sizes[@]}"; do (( n >= 500 )) && memory_sizes+=("$n"); done
for n in "${memory_sizes[@]}"; do
  (( n <= max )) && want 5 || continue
  for label in "dotnet fab -P -z $pool" "Fabric 2 ThreadingGroup"; do
    peak=0
    for (( r = 0; r < runs; r++ )); do
      # A failed run still has a peak (time prints it last); it is not a reason to stop the bench.
      if [[ $label == dotnet* ]]; then
        kib=$( { /usr/bin/time -f %M "$fab_tool" "${fab_common[@]}" -P -z "$pool" -H "$(hosts_for "$n" fab)" probe >/dev/null; } 2>&1 | tail -1) || true
      else
        kib=$( { /usr/bin/time -f %M $py "$repo/bench/fanout/fabric2/threading_group.py" "$user" "$KEY" $(hosts_for "$n" fab | tr , ' ') >/dev/null; } 2>&1 | tail -1) || true
      fi
      (( kib > peak )) && peak=$kib
    done
    echo "$n|$label|$peak" >> "$work/memory.txt"
  done
done

# --- 6. 100 MB of command output. ---
# What a user waits for when a command prints a lot: every line through the output path to a console redirected to a
# file. The same command with its output sent to /dev/null on the host is each client's cost without the output.
if want 6; then
echo; echo "100 MB of command output..."
big='head -c 75000000 /dev/zero | base64'
fab_one=("$fab_tool" "${fab_common[@]}" -H "${HOSTS[0]}:$PORT")
ssh_one=(ssh "${ssh_opts[@]}" "$user@${HOSTS[0]}")
output_rows=(
  "dotnet fab: printed, stdout to a file|$(q "${fab_one[@]}" "output:command=$big") >$work/out-fab.txt"
  "dotnet fab capture=false: printed, stdout to a file|$(q "${fab_one[@]}" "output:command=$big,capture=false") >$work/out-fab-nocapture.txt"
  "dotnet fab: output to /dev/null on the host|$(q "${fab_one[@]}" "output:command=$big >/dev/null") >/dev/null"
  "ssh: printed, stdout to a file|$(q "${ssh_one[@]}" "$big") >$work/out-ssh.txt"
  "ssh: output to /dev/null on the host|$(q "${ssh_one[@]}" "$big >/dev/null") >/dev/null"
)
named=()
for row in "${output_rows[@]}"; do named+=(-n "${row%%|*}" "${row#*|}"); done
hyperfine --runs "$runs" --warmup 1 --style basic --export-json "$work/output.json" "${named[@]}" >/dev/null
# Every line arrived, in order, once the prefixes are taken off.
sed -n 's/^\[[^]]*\] out: //p' "$work/out-fab.txt" | cmp -s - "$work/out-ssh.txt" \
  || { echo "dotnet fab printed other output than ssh." >&2; exit 1; }
rm -f "$work"/out-*.txt
: > "$work/memory-output.txt"
for row in "${output_rows[@]}"; do
  peak=0
  for _ in 1 2 3; do
    kib=$( { /usr/bin/time -f %M bash -c "exec ${row#*|}"; } 2>&1 | tail -1)
    (( kib > peak )) && peak=$kib
  done
  echo "${row%%|*}|$peak" >> "$work/memory-output.txt"
done
rm -f "$work"/out-*.txt
dotnet publish "$repo/bench/OutputHarness/OutputHarness.csproj" -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" \
  --self-contained false -p:PublishReadyToRun=true -o "$work/outharness" -nologo -v q >/dev/null
for extra in "-" "$work/out-harness.log" "- hunter2,s3cret-token" "- - capture"; do
  dotnet "$work/outharness/Fabric.OutputBench.dll" 1300000 $extra 2>>"$work/output-harness.txt" >"$work/out-harness.txt"
done
rm -f "$work"/out-harness.*
fi

$py "$repo/bench/report.py" "$work" "${sizes[@]}"

# --- 4. Listing the tasks (its own script: packs the tool and runs it through the dotnet-fab shim). ---
if want 4; then
  echo
  "$repo/bench/startup.sh"
fi
