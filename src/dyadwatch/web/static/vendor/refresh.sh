#!/bin/sh
# Refresh the vendored chart libraries from the npm registry (run by hand, never at run time).
#   sh src/dyadwatch/web/static/vendor/refresh.sh        # the versions pinned below
# Only minified dist files and their licences are kept; check the dashboard tests afterwards.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  uplot@1.6.32 cytoscape@3.35.0 d3-geo@3.1.2 d3-array@3.2.5 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null
M=node_modules
cp $M/uplot/dist/uPlot.iife.min.js $M/uplot/dist/uPlot.min.css "$HERE/"
cp $M/cytoscape/dist/cytoscape.min.js "$HERE/"
cp $M/d3-geo/dist/d3-geo.min.js $M/d3-array/dist/d3-array.min.js "$HERE/"
cp $M/topojson-client/dist/topojson-client.min.js "$HERE/"
cp $M/world-atlas/countries-110m.json "$HERE/"
for p in uplot cytoscape d3-geo d3-array topojson-client world-atlas; do
  cp $M/$p/LICENSE "$HERE/LICENSE.$p"
done
for p in uplot cytoscape d3-geo d3-array topojson-client world-atlas; do
  printf '%s %s\n' "$p" "$(node -p "require('./$M/$p/package.json').version")"
done > "$HERE/VERSIONS"
echo "vendored: $(tr '\n' ' ' < "$HERE/VERSIONS")"
