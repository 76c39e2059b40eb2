#!/usr/bin/env bash
# Packs Dssm.Research — with its Plotly bridge (plotly-bridge/) and its notebook extension
# (interactive-extensions/dotnet/extension.dib) — into .packages/ at the repository root: the local
# feed that every notebook's first cell names with #i. Run it once after cloning and again after
# every change to src/ that a notebook should see.
#
# The version is DssmVersion (Directory.Build.props), which the notebooks pin. Re-packing the same
# version replaces the .nupkg in the feed and removes NuGet's extracted copy of that version, so the
# next kernel that restores it takes the new one (a kernel already running keeps the old one).
# DSSM_TORCH_BACKEND=cuda packs the CUDA build (TorchBackend=cuda, environment/TorchBackend.props) under the
# same version, so the notebooks' pinned reference picks it up unchanged.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$root/.packages"
configuration="${DSSM_PACK_CONFIGURATION:-Release}"
project="$root/src/Dssm.Research/Dssm.Research.csproj"
version="$(dotnet msbuild "$project" -getProperty:Version -nologo)"
mkdir -p "$feed"
backend="${DSSM_TORCH_BACKEND:-cpu}"   # cuda: TorchSharp-cuda (restore it where nuget.org is reachable)
dotnet pack "$project" -c "$configuration" -o "$feed" --nologo -v quiet -p:TorchBackend="$backend"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$packages/dssm.research/$version"
echo "packed Dssm.Research $version ($backend backend) into $feed"
