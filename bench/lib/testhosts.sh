# Test hosts for the benchmarks, sourced by bench/bench.sh: N "hosts" 127.0.0.2, 127.0.0.3, … on one port, served by
# ceil(N/16) private sshd processes (OpenSSH listens on at most 16 addresses per process), each with its own config
# and pid file in $work. Loopback only: every address is in 127.0.0.0/8. Logins are as $bench_user with a key made here.
# Needs: root (sshd switches to the user), /usr/sbin/sshd, ssh-keygen.

# testhosts_start WORK N: starts the sshds, fills HOSTS (127.0.0.x), PORT, KEY, KNOWN_HOSTS.
testhosts_start() {
  local work=$1 count=$2
  (( count >= 1 && count <= 250 )) || { echo "between 1 and 250 hosts" >&2; return 1; }
  mkdir -p /run/sshd "$work/sshd"
  chmod 755 "$work" "$work/sshd"
  [[ -f "$work/host_key" ]] || ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
  [[ -f "$work/client_key" ]] || ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
  cp "$work/client_key.pub" "$work/authorized_keys"
  chmod 644 "$work/authorized_keys"
  KEY="$work/client_key"
  KNOWN_HOSTS="$work/known_hosts"
  PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.2", 0)); print(s.getsockname()[1])')}"
  HOSTS=()
  : > "$KNOWN_HOSTS"
  local i instance=0 listen=""
  for (( i = 0; i < count; i++ )); do
    HOSTS+=("127.0.0.$((2 + i))")
    listen+="ListenAddress 127.0.0.$((2 + i)):$PORT"$'\n'
    echo "[127.0.0.$((2 + i))]:$PORT $(cut -d' ' -f1,2 "$work/host_key.pub")" >> "$KNOWN_HOSTS"
    if (( (i + 1) % 16 == 0 || i + 1 == count )); then
      testhosts_sshd "$work" "$instance" "$listen" "${SSHD_LOGLEVEL:-ERROR}"
      instance=$((instance + 1))
      listen=""
    fi
  done
  for (( i = 0; i < instance; i++ )); do
    local tries=0
    until [[ -s "$work/sshd/$i.pid" ]]; do
      (( tries++ < 200 )) || { echo "sshd $i did not start: $(cat "$work/sshd/$i.log")" >&2; return 1; }
      sleep 0.05
    done
  done
}

# testhosts_sshd WORK INSTANCE LISTEN LOGLEVEL: one sshd. MaxStartups is raised so that no fan-out is dropped
# (OpenSSH's default 10:30:100 drops connections once 10 are unauthenticated), MaxSessions for many channels.
testhosts_sshd() {
  local work=$1 instance=$2 listen=$3 level=$4
  cat > "$work/sshd/$instance.conf" <<CONF
${listen}HostKey $work/host_key
PidFile $work/sshd/$instance.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM yes
PermitRootLogin prohibit-password
PasswordAuthentication no
MaxStartups 400:30:800
MaxSessions 50
LogLevel $level
PrintMotd no
Subsystem sftp internal-sftp
CONF
  /usr/sbin/sshd -f "$work/sshd/$instance.conf" -E "$work/sshd/$instance.log"
}

# testhosts_stop WORK: stops every sshd started in WORK (by the pid each wrote), never any other.
testhosts_stop() {
  local work=$1 pidfile
  for pidfile in "$work"/sshd/*.pid; do
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}

# testhosts_user NAME: a login user with Debian's default dot files, so no one's login profile skews the timings.
testhosts_user() {
  id "$1" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$1"
}
