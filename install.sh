#!/usr/bin/env bash
# Packs Fabric, the dotnet-fab tool and the fabfile template into artifacts/packages (with Fabric's own dependency
# packages beside them), installs (or upgrades) the tool globally and the template from there, copies the packages into
# a folder of the user's own (~/.dotnet/fabric-packages) registered as the NuGet source fabric-local, so a new fabfile
# restores without the network, and runs examples/hello end to end.
# The source is outside this clone on purpose: a source pointing into a clone that is later moved or deleted breaks every
# restore on the machine that needs a package (NU1301), for every project. Earlier versions stay in it, so fabfiles
# pinned to them still restore.
# Needs only the .NET SDK. Safe to run again, from this clone or another one of another version: it upgrades in place.
set -euo pipefail
cd "$(dirname "$0")"
packages="$PWD/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
source_name=fabric-local
source_folder="${DOTNET_CLI_HOME:-$HOME}/.dotnet/fabric-packages"

echo "Packing Fabric, Fabric.Tool and Fabric.Templates $version into artifacts/packages..."
rm -rf "$packages"
# Fabric's pack also copies the .nupkg of each package it depends on (SSH.NET, ...) into the folder: see Fabric.csproj.
# The tool is precompiled (ReadyToRun) for this machine: about a third less CPU at every start (Fabric.Tool.csproj).
dotnet pack src/Fabric/Fabric.csproj -c Release -o "$packages" -nologo -v:q -clp:NoSummary
dotnet pack src/Fabric.Tool/Fabric.Tool.csproj -c Release -p:FabricReadyToRun=true -o "$packages" -nologo -v:q -clp:NoSummary
dotnet pack templates/Fabric.Templates.csproj -c Release -o "$packages" -nologo -v:q -clp:NoSummary

# A re-pack keeps its version number: drop NuGet's cached copies of it, or the old bits would be used again.
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$cache/fabric.tool/$version" "$cache/fabric/$version"

echo "Copying the packages into $source_folder, the NuGet source '$source_name'..."
mkdir -p "$source_folder"
cp "$packages"/*.nupkg "$source_folder"/
# An earlier install may have registered the source elsewhere (older versions of this script pointed it into the clone).
if dotnet nuget list source | grep -q " $source_name \["; then
  dotnet nuget update source "$source_name" --source "$source_folder" >/dev/null
elif ! dotnet nuget list source --format short | grep -q " $source_folder\$"; then
  dotnet nuget add source "$source_folder" --name "$source_name" >/dev/null
fi

echo "Installing the dotnet-fab global tool..."
dotnet tool uninstall --global Fabric.Tool >/dev/null 2>&1 || true
# Quiet: its own PATH advice is replaced by the shorter note below.
dotnet tool install --global Fabric.Tool --version "$version" --add-source "$packages" --ignore-failed-sources >/dev/null
echo "Installed: dotnet fab $version"
tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
case ":$PATH:" in *":$tools:"*) ;; *)
  export PATH="$PATH:$tools"
  echo "Note: add $tools to your PATH (e.g. in ~/.bashrc) so that 'dotnet fab' works in new shells."
esac

echo "Installing the fabfile template (dotnet new fabfile)..."
# Installing a package of the same version again, even with --force, leaves two registrations behind: remove first.
for _ in 1 2 3; do dotnet new uninstall Fabric.Templates >/dev/null 2>&1 || break; done
dotnet new install "$packages/Fabric.Templates.$version.nupkg" >/dev/null
echo "Installed: dotnet new fabfile"

echo
echo "Running examples/hello: dotnet fab --list, then dotnet fab hello:name=Fabric facts"
cd examples/hello
dotnet fab --list
dotnet fab hello:name=Fabric facts
echo
echo "Next: in a repository of yours, 'dotnet new fabfile' then 'dotnet fab --list' (see README.md)."
