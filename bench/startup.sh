#!/usr/bin/env bash
# Start-up cost of listing the tasks of an unchanged fabfile (examples/hello): `dotnet fab --list` beside
# `fab --list` of Python's Fabric 2 (Debian's `fabric` package) on the same tasks (bench/fabric2-hello),
# measured side by side in one hyperfine run. Ours is measured both ways users start it, with this checkout's
# bits installed as a tool in a scratch folder:
#   dotnet-fab --list   the tool's own launcher (what a global tool puts on PATH)
#   dotnet fab --list   through the dotnet CLI, which first starts the SDK to find the tool
# A third row lists the same tasks from a single-file fabfile (examples/hello's Fabfile.cs as one fabfile.cs, written into
# the scratch folder with a #:project line naming this checkout's Fabric), also unchanged: the goal is no slower than
# the project fabfile.
# Prints medians and ratios ours/theirs. Installs fabric, hyperfine and jq when missing.
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

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "Packing this checkout's dotnet-fab and installing it into a scratch tool folder..."
dotnet pack src/Fabric.Tool/Fabric.Tool.csproj -c Release -o "$scratch/packages" -nologo -v:q -p:PackageVersion=0.0.0-bench \
  -p:FabricReadyToRun=true >/dev/null   # as install.sh packs it: precompiled
dotnet tool install Fabric.Tool --tool-path "$scratch/tools" --version 0.0.0-bench --add-source "$scratch/packages" \
  >/dev/null
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/fabric.tool/0.0.0-bench"
export PATH="$scratch/tools:$PATH"

single="$scratch/single-file"
mkdir -p "$single"
{ echo "#:project $root/src/Fabric/Fabric.csproj"; cat "$root/examples/hello/fabfile/Fabfile.cs"; } >"$single/fabfile.cs"
(cd "$single" && dotnet-fab --list >/dev/null)   # built once; every measured run is up to date

cd "$root/examples/hello"
dotnet-fab --list >/dev/null   # builds the fabfile once if needed; every measured run is up to date
fabric_version=$(fab --version | awk 'NR==1 { print $2 }')
hyperfine -N --warmup 3 --runs 20 --style basic --export-json "$scratch/startup.json" \
  -n "dotnet-fab --list" "dotnet-fab --list" \
  -n "dotnet fab --list" "dotnet fab --list" \
  -n "fab --list (Fabric $fabric_version)" "fab --list --search-root $root/bench/fabric2-hello" \
  -n "dotnet-fab --list (fabfile.cs)" "dotnet-fab --list -f $single/fabfile.cs" >/dev/null

echo
echo "Listing the tasks of an unchanged fabfile: median of 20 runs each, one hyperfine run, $(nproc) cores"
jq -r '.results[] | "  \(.command | .[0:32] | . + (" " * (32 - length))) \((.median * 1000) | floor) ms"' "$scratch/startup.json"
jq -r '.results as $r | "  ratio dotnet-fab / fab: \(($r[0].median / $r[2].median) * 100 | floor / 100)\n  ratio dotnet fab / fab: \(($r[1].median / $r[2].median) * 100 | floor / 100)\n  ratio fabfile.cs / fabfile project (dotnet-fab): \(($r[3].median / $r[0].median) * 100 | floor / 100)"' "$scratch/startup.json"
