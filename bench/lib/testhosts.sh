# Test hosts for the benchmarks, sourced by bench/bench.sh: N "hosts" (1 to 1,000) 127.0.0.2 … 127.0.0.249, then
# 127.0.1.2 … 127.0.1.249, 127.0.2.2 …, on one port, served by ceil(N/16) private sshd processes (OpenSSH listens on
# at most 16 addresses per process), each with its own config and pid file in $work. 127.0.0.250 and up are left to
# the probe sshd of bench.sh. Loopback only: every address is in 127.0.0.0/8. Logins are as $bench_user with a key
# made here. Needs: root (sshd switches to the user), /usr/sbin/sshd, ssh-keygen.
# Many hosts need many file descriptors in the clients (one socket per host in flight, more for ssh-based ones):
# testhosts_start raises the shell's soft limit (ulimit -n) to at least 4 per host (or the hard limit), which every
# client started from it inherits.

# testhosts_address I: the I-th test host's address (I from 0): 248 per 127.0.X block, from 127.0.X.2.
testhosts_address() {
  echo "127.0.$(( $1 / 248 )).$(( 2 + $1 % 248 ))"
}

# testhosts_start WORK N: starts the sshds, fills HOSTS, PORT, KEY, KNOWN_HOSTS.
testhosts_start() {
  local work=$1 count=$2
  (( count >= 1 && count <= 1000 )) || { echo "between 1 and 1000 hosts" >&2; return 1; }
  local want_fds=$(( 4 * count + 256 )) hard
  hard=$(ulimit -Hn)
  if [[ $hard != unlimited ]] && (( hard < want_fds )); then want_fds=$hard; fi
  (( $(ulimit -Sn) >= want_fds )) || ulimit -Sn "$want_fds"
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
  local i instance=0 listen="" address key
  key=$(cut -d' ' -f1,2 "$work/host_key.pub")
  for (( i = 0; i < count; i++ )); do
    address=$(testhosts_address "$i")
    HOSTS+=("$address")
    listen+="ListenAddress $address:$PORT"$'\n'
    echo "[$address]:$PORT $key" >> "$KNOWN_HOSTS"
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
# (OpenSSH's default 10:30:100 drops connections once 10 are unauthenticated; it counts per sshd process, and a pool
# of up to 1,000 can land on one), MaxSessions for many channels.
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
MaxStartups 1000:30:2000
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
