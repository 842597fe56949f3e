#!/usr/bin/env bash
# Runs the whole test suite: unit tests of the engine, and end-to-end tests that run dotnet fab on real
# fabfiles and against real SSH servers on loopback (OpenSSH's sshd, Dropbear, tinysshd under tcpserver). Installs
# them, OpenSSH's sftp-server, sudo, iproute2 (the jump-host tests put hosts in a network namespace of their own),
# busybox and rsync when missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
# OpenSSH's sftp-server: the transfer unit tests run it as a local SFTP server; Dropbear's SFTP and the accounts sshd's
# sftp subsystem run it too.
[ -x /usr/lib/openssh/sftp-server ] || need+=(openssh-sftp-server)
command -v sudo >/dev/null || need+=(sudo)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
command -v ip >/dev/null || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || need+=(iproute2)
[ -x /usr/sbin/dropbear ] || need+=(dropbear-bin)
[ -x /usr/sbin/tinysshd ] || need+=(tinysshd)
command -v tcpserver >/dev/null || need+=(ucspi-tcp)
command -v busybox >/dev/null || need+=(busybox)
# The terminal tests drive dotnet fab on a real terminal through tmux.
command -v tmux >/dev/null || need+=(tmux)
# RsyncProject runs this machine's rsync, and its tests need rsync on the test hosts too.
command -v rsync >/dev/null || need+=(rsync)
# The ported public fabfiles (tests/fabfiles/ports) run what their originals ran: git, make, killall, lsof.
command -v git >/dev/null || need+=(git)
command -v make >/dev/null || need+=(make)
command -v killall >/dev/null || need+=(psmisc)
command -v lsof >/dev/null || need+=(lsof)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (needed by the SSH tests)..."
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  # The tinysshd package enables a socket unit serving port 22 on every address; the tests start their own on
  # loopback, so the package's stays off.
  if [[ " ${need[*]} " == *" tinysshd "* ]] && [ -d /run/systemd/system ]; then
    "${as_root[@]}" systemctl disable --now tinysshd.socket >/dev/null 2>&1 || true
  fi
fi

dotnet build Fabric.Tool.sln -nologo -v:q -clp:NoSummary
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Fabric.Tool.sln --no-build -nologo --logger "console;verbosity=minimal" --results-directory "$results" "$@" \
  | tee "$results/output.txt" || status=$?

# One closing line for CI, summed over the test projects: "N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$results/output.txt" | awk '{ n += $2 } END { print n + 0 }'; }
echo "$(sum Passed) passed, $(sum Failed) failed"
exit $status
