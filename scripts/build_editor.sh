#!/usr/bin/env bash
# Bundle CodeMirror 6 and argmap's Argdown mode into argmap/data/editor/editor.js (minified), with the
# licences of everything in the bundle. Needs node and npm; installs the exact versions of
# scripts/editor/package-lock.json. The output is committed: `argmap edit` never fetches anything.
set -euo pipefail
here="$(cd "$(dirname "$0")/editor" && pwd)"
out="$(cd "$here/../.." && pwd)/argmap/data/editor"
cd "$here"
npm ci --no-audit --no-fund --silent
mkdir -p "$out"
node_modules/.bin/esbuild src/editor.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --outfile="$out/editor.js"
{
  echo "argmap/data/editor/editor.js bundles these packages (built by scripts/build_editor.sh):"
  echo
  for pkg in $(node -e 'const l=require("./package-lock.json").packages;
      for (const [p, v] of Object.entries(l)) if (p && !v.dev) console.log(p)'); do
    name="${pkg#node_modules/}"
    version="$(node -p "require('./$pkg/package.json').version")"
    echo "================================================================================"
    echo "$name $version"
    echo "================================================================================"
    cat "$pkg"/LICENSE* 2>/dev/null || echo "(licence: $(node -p "require('./$pkg/package.json').license"))"
    echo
  done
} > "$out/LICENSES.txt"
echo "wrote $out/editor.js ($(wc -c < "$out/editor.js") bytes) and $out/LICENSES.txt"
