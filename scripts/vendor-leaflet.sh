#!/usr/bin/env bash
# Copy Leaflet's built files from its npm package into docs/vendor/leaflet/, so
# maps load from the site itself (no CDN, nothing unpinned). Run by hand to
# upgrade: change VERSION, run, look at the diff, commit.
set -euo pipefail
VERSION=1.9.4
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "leaflet@$VERSION" >/dev/null && tar xzf "leaflet-$VERSION.tgz")
dest=docs/vendor/leaflet
rm -rf "$dest" && mkdir -p "$dest/images"
cp "$tmp/package/dist/leaflet.js" "$tmp/package/dist/leaflet.css" "$tmp/package/LICENSE" "$dest/"
cp "$tmp/package/dist/images/"*.png "$dest/images/"
# The source map is not shipped: drop the comment that asks for it.
sed -i '/sourceMappingURL=/d' "$dest/leaflet.js"
echo "Leaflet $VERSION (BSD-2-Clause, see LICENSE) from the npm package leaflet@$VERSION." > "$dest/VERSION"
echo "vendored leaflet@$VERSION into $dest"
