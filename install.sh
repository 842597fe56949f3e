#!/usr/bin/env bash
# Packs Fabric and the dotnet-fab tool into artifacts/packages, installs (or upgrades) the tool globally
# from there, and runs examples/hello end to end. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
packages="$PWD/artifacts/packages"

echo "Packing Fabric and Fabric.Tool into artifacts/packages..."
rm -rf "$packages"
dotnet pack src/Fabric/Fabric.csproj -c Release -o "$packages" -nologo -v:q
dotnet pack src/Fabric.Tool/Fabric.Tool.csproj -c Release -o "$packages" -nologo -v:q

echo "Installing the dotnet-fab global tool..."
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
dotnet tool uninstall --global Fabric.Tool >/dev/null 2>&1 || true
# A re-pack keeps its version number: drop NuGet's cached copy of it, or the old bits would be installed again.
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$cache/fabric.tool/$version" "$cache/fabric/$version"
dotnet tool install --global Fabric.Tool --version "$version" --add-source "$packages" --ignore-failed-sources
tools="$HOME/.dotnet/tools"
case ":$PATH:" in *":$tools:"*) ;; *)
  export PATH="$PATH:$tools"
  echo "Note: add $tools to your PATH (e.g. in ~/.bashrc) so that 'dotnet fab' works in new shells."
esac

echo
echo "Running examples/hello: dotnet fab --list, then dotnet fab hello:name=Fabric facts"
cd examples/hello
dotnet fab --list
dotnet fab hello:name=Fabric facts
