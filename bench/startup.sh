#!/usr/bin/env bash
# Start-up cost of listing tasks on an unchanged fabfile: `dotnet fab --list` (examples/hello, already built)
# beside `fab --list` of Python's Fabric 2 (Debian's `fabric` package) on the same tasks, measured side by side
# in one hyperfine run. Prints medians and the ratio ours/theirs. Installs fabric and hyperfine when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need=()
command -v fab >/dev/null || need+=(fabric)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet build src/Fabric.Tool -c Release -nologo -v:q -clp:NoSummary
tool="$root/src/Fabric.Tool/bin/Release/net10.0/dotnet-fab.dll"
ours=(dotnet "$tool")
label="dotnet dotnet-fab.dll --list"
# Through the installed shim, as users run it, when install.sh has installed it.
if dotnet fab --version >/dev/null 2>&1; then ours=(dotnet fab); label="dotnet fab --list"; fi

cd "$root/examples/hello"
"${ours[@]}" --list >/dev/null   # builds the fabfile once if needed; every measured run is up to date
out=$(mktemp)
hyperfine --warmup 3 --runs 20 --style basic --export-json "$out" \
  -n "$label" "${ours[*]} --list" \
  -n "fab --list (Fabric $(fab --version | awk 'NR==1 { print $2 }'))" "cd '$root/bench/fabric2-hello' && fab --list" >/dev/null

echo
echo "Listing tasks of an unchanged fabfile (median of 20 runs, one hyperfine run):"
jq -r '.results[] | "  \(.command): \((.median * 1000) | floor) ms"' "$out"
jq -r '"  ratio ours/theirs: \((.results[0].median / .results[1].median) * 100 | floor / 100)"' "$out"
rm -f "$out"
