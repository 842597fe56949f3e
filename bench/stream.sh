#!/usr/bin/env bash
# A command's output through the transport (IRemoteCommand over SSH.NET's session channel, its bounded output queue):
#   read as fast as it comes   vs  `ssh host 'head -c N /dev/zero' > /dev/null`   (time, MB/s, peak memory)
#   read slowly (a pause after each chunk): memory must stay flat, the server being held back.
# Usage: bench/stream.sh [BYTES (default 1000000000)] [PAUSE_MS for the slow reader (default 2)]
# Needs: root (sshd switches to the bench user), /usr/sbin/sshd, ssh, /usr/bin/time, dotnet.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bytes="${1:-1000000000}"
pause="${2:-2}"
user=fabbench
source "$repo/bench/lib/testhosts.sh"
work="$(mktemp -d -t fabric-bench-XXXXXX)"
trap 'testhosts_stop "$work"; rm -rf "$work"' EXIT
testhosts_user "$user"
testhosts_start "$work" 1
host="${HOSTS[0]}"

dotnet build -c Release -nologo -v q "$repo/bench/OpsHarness/OpsHarness.csproj" >/dev/null
fab=(dotnet "$repo/bench/OpsHarness/bin/Release/net10.0/Fabric.Bench.dll" stream "$host" "$PORT" "$user" "$KEY" "$KNOWN_HOSTS" "$bytes")
ssh_opts=(-F /dev/null -p "$PORT" -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile="$KNOWN_HOSTS")

peak() { grep -oE 'Maximum resident set size \(kbytes\): [0-9]+' "$1" | awk '{ printf "%d MiB", $6 / 1024 }'; }
echo "$bytes bytes of output, host $host:"
for i in 1 2 3; do
  /usr/bin/time -v -o "$work/ssh.time" bash -c "$(printf '%q ' ssh "${ssh_opts[@]}" "$user@$host" "head -c $bytes /dev/zero") > /dev/null"
  echo "  ssh > /dev/null:      $(grep -oE 'Elapsed \(wall clock\) time.*' "$work/ssh.time" | awk '{ print $NF }') (m:ss), peak $(peak "$work/ssh.time")"
  /usr/bin/time -v -o "$work/fab.time" "${fab[@]}" 2>/dev/null | sed 's/^/  transport, fast:     /'
done
echo "  transport, slow reader ($pause ms after each chunk):"
"${fab[@]}" "$pause" 2>&1 | sed 's/^/    /'
