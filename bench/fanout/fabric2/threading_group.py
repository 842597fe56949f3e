# Fabric 2's parallel fan-out: ThreadingGroup runs one command on every host at once (one thread per host).
# Usage: threading_group.py USER KEY HOST...
import sys

from fabric import ThreadingGroup

user, key, hosts = sys.argv[1], sys.argv[2], sys.argv[3:]
results = ThreadingGroup(*hosts, user=user, connect_kwargs={"key_filename": key, "look_for_keys": False, "allow_agent": False}).run("true", hide=True)
failed = [c.host for c, r in results.items() if getattr(r, "exited", 1) != 0]
if failed or len(results) != len(hosts):
    sys.exit(f"failed on {failed}")
