# Prints bench/bench.sh's table: medians from hyperfine's JSON exports and ratios ours / theirs (below 1: we are faster),
# with each command's mean CPU time (user + system, children included): less noisy than wall time on a busy machine.
# Usage: report.py WORK SIZE...
import json
import os
import sys

work, sizes = sys.argv[1], sys.argv[2:]


def results(name):
    path = os.path.join(work, f"{name}.json")
    if not os.path.exists(path):
        return []
    return [(failed(r), r["median"], r["user"] + r["system"]) for r in json.load(open(path))["results"]]


def failed(result):
    """The command's name, marked when some of its runs exited non-zero (section 1 times a client that fails too)."""
    codes = result.get("exit_codes") or []
    bad = sum(1 for c in codes if c != 0)
    return result["command"] + (f" [{bad} of {len(codes)} runs failed]" if bad else "")


def table(title, rows, ours_prefix="dotnet fab"):
    print(f"\n{title}")
    ours = [(c, m) for c, m, _ in rows if c.startswith(ours_prefix)]
    for command, median, cpu in rows:
        print(f"  {command:<48} {median:9.3f} s   cpu {cpu:7.3f} s")
    for command, median, _ in rows:
        if command.startswith(ours_prefix):
            continue
        ratios = "  ".join(f"{o[0][len(ours_prefix):].strip() or 'ours'}: {o[1] / median:5.2f}" for o in ours)
        print(f"    ours / {command:<41} {ratios}")


print(open(os.path.join(work, "kex.txt")).read().rstrip())
for n in sizes:
    table(f"1. One command on {n} host(s): median of the whole run", results(f"fanout-{n}"))
table("2. Twenty commands on one host", results("twenty"))
for name, label in (("put", "3a. Put 200 MB"), ("get", "3b. Get 200 MB")):
    rows = results(name)
    table(label, rows)
    # Throughput: 200 MiB over the time the bytes add (the run with an empty file is the client's fixed cost).
    empty = {c: m for c, m, _ in results(name + "0")}
    rates = {c: 200 / (m - empty[c]) for c, m, _ in rows if c in empty and m > empty[c]}
    for command, median, seconds in rows:
        fixed = f"   empty file {empty[command]:6.3f} s   throughput {rates[command]:6.1f} MiB/s" if command in rates else ""
        print(f"    {command:<46} client CPU {seconds:5.2f} s{fixed}")
    for command, rate in rates.items():
        if not command.startswith("dotnet fab"):
            print("    throughput ours / " + f"{command:<29} (above 1: ours moves bytes faster) " + "  ".join(
                f"{c[len('dotnet fab:'):].strip()}: {r / rate:5.2f}" for c, r in rates.items() if c.startswith("dotnet fab")))
memory = os.path.join(work, "memory.txt")
if os.path.exists(memory):
    print(f"\n5. Peak memory (max RSS of {os.environ.get('BENCH_RUNS', '3')} runs)")
    for line in open(memory).read().split("\n"):
        if line:
            n, label, kib = line.split("|")
            print(f"  {label:<32} N = {n:>4}  {int(kib) / 1024:7.1f} MiB")

# 6. Output: each of ours beside ssh doing the same (the part of the name after the colon), time and peak memory.
rows = results("output")
if rows:
    print("\n6. 100 MB of command output (1.3 million lines) on one host: median time, peak memory (max RSS of 3 runs)")
    peaks = {}
    memory = os.path.join(work, "memory-output.txt")
    if os.path.exists(memory):
        peaks = {label: int(kib) / 1024 for label, kib in (l.split("|") for l in open(memory).read().split("\n") if l)}
    for command, median, cpu in rows:
        peak = f"   peak {peaks[command]:7.1f} MiB" if command in peaks else ""
        print(f"  {command:<52} {median:8.3f} s   cpu {cpu:7.3f} s{peak}")
    theirs = {c.split(": ", 1)[1]: (m, peaks.get(c)) for c, m, _ in rows if c.startswith("ssh:")}
    for command, median, _ in rows:
        what = command.split(": ", 1)[1]
        if command.startswith("dotnet fab") and what in theirs:
            (their_time, their_peak), ours_peak = theirs[what], peaks.get(command)
            memory_ratio = f"   memory {ours_peak / their_peak:6.1f}x" if ours_peak and their_peak else ""
            print(f"    ours / ssh, {what:<34} {command[:command.index(':')]:<26} time {median / their_time:5.2f}x{memory_ratio}")
    print("    goals: time at most 1.5x ssh's, peak memory at most 150 MiB")
    harness = os.path.join(work, "output-harness.txt")
    if os.path.exists(harness):
        lines = open(harness).read().split("\n")
        for label, line in zip(("to a file", "and a log file", "with 2 secrets", "captured too"), lines):
            print(f"  the output path alone, in-process, {label:<15} {line}")
