#!/usr/bin/env bash
# Compares our SSH operations with OpenSSH on loopback, against a private sshd this script starts and stops:
#   20 sequential Run("true") over our one cached connection  vs  20 `ssh` invocations  vs  `ssh` with ControlMaster
#   Put and Get of a 200 MB file                                vs  scp
# Prints the median of each (hyperfine) and our/their ratios. Needs: /usr/sbin/sshd, ssh, scp, hyperfine, dotnet.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t fabric-bench-XXXXXX)"
chmod 755 "$work"
address=127.0.0.2
user="$(id -un)"
runs="${BENCH_RUNS:-5}"

cleanup() {
  if [[ -f "$work/sshd.pid" ]]; then kill "$(cat "$work/sshd.pid")" 2>/dev/null || true; fi
  if [[ -S "$work/cm" ]]; then ssh -o ControlPath="$work/cm" -O exit x 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
chmod 644 "$work/authorized_keys"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.2", 0)); print(s.getsockname()[1])')"
cat > "$work/sshd_config" <<CONF
ListenAddress $address:$port
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM yes
PermitRootLogin prohibit-password
PasswordAuthentication no
MaxStartups 200:30:400
MaxSessions 50
LogLevel ERROR
Subsystem sftp internal-sftp
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log"
for _ in $(seq 100); do [[ -s "$work/sshd.pid" ]] && break; sleep 0.05; done
echo "[$address]:$port $(cut -d' ' -f1,2 "$work/host_key.pub")" > "$work/known_hosts"

ssh_opts=(-F /dev/null -p "$port" -i "$work/client_key" -o IdentitiesOnly=yes -o BatchMode=yes
          -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes)
cm_opts=(-o ControlMaster=auto -o ControlPath="$work/cm" -o ControlPersist=120)
scp_opts=(-F /dev/null -P "$port" -i "$work/client_key" -o IdentitiesOnly=yes -o BatchMode=yes
          -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes)
ssh "${ssh_opts[@]}" "${cm_opts[@]}" "$user@$address" true   # start the ControlMaster

echo "Building the harness..."
dotnet build -c Release -nologo -v q "$repo/bench/OpsHarness/OpsHarness.csproj" >/dev/null
fab=(dotnet "$repo/bench/OpsHarness/bin/Release/net10.0/Fabric.Bench.dll")
common="$address $port $user $work/client_key $work/known_hosts"
head -c 200M /dev/urandom > "$work/big.bin"
q() { printf '%q ' "$@"; }

hyperfine --runs "$runs" --warmup 1 --export-json "$work/run.json" \
  -n "fab: 20 x Run(true), one connection" "$(q "${fab[@]}") run $common 20" \
  -n "ssh: 20 x new connection" "for i in \$(seq 20); do $(q ssh "${ssh_opts[@]}" "$user@$address" true); done" \
  -n "ssh: 20 x ControlMaster" "for i in \$(seq 20); do $(q ssh "${ssh_opts[@]}" "${cm_opts[@]}" "$user@$address" true); done"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/put.json" \
  -n "fab: Put 200 MB" "$(q "${fab[@]}") put $common $work/big.bin /tmp/fabric-bench-put.bin" \
  -n "scp: upload 200 MB" "$(q scp "${scp_opts[@]}" "$work/big.bin" "$user@$address:/tmp/fabric-bench-scp.bin")"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/get.json" \
  -n "fab: Get 200 MB" "$(q "${fab[@]}") get $common /tmp/fabric-bench-put.bin $work/back.bin" \
  -n "scp: download 200 MB" "$(q scp "${scp_opts[@]}" "$user@$address:/tmp/fabric-bench-scp.bin" "$work/back-scp.bin")"

cmp "$work/big.bin" "$work/back.bin" && echo "Get returned the same 200 MB it was given."
rm -f /tmp/fabric-bench-put.bin /tmp/fabric-bench-scp.bin

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def medians(name):
    return [(r["command"], r["median"]) for r in json.load(open(f"{work}/{name}.json"))["results"]]
print()
print("Medians (s) and ratios (ours / theirs; below 1 means we are faster):")
for name in ("run", "put", "get"):
    rows = medians(name)
    ours = rows[0][1]
    for command, median in rows:
        print(f"  {command:<40} {median:8.3f}")
    for command, median in rows[1:]:
        print(f"    ratio vs {command:<31} {ours / median:8.2f}")
PY
