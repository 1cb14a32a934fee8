#!/usr/bin/env bash
# Build step of shared-core (generate-resources): puts the 3Dmol.js viewer that the HTML report
# embeds (org.sparsepocket.output.HtmlReport) into DEST. The npm package is fetched once with
# `npm pack` into a cache, checked against the pinned SHA-512 below (the registry's "integrity"
# value), and never committed.  Usage: fetch-3dmol.sh DEST_DIR
set -euo pipefail
VERSION=2.5.5
INTEGRITY='sha512-kqNHouGqq3YfW58174tdERvm0XYTmP0tavQKOqIw1ouc2OJ7epkXEFrtEkVXV0clBZT2Ze2xHRC/qxX0u0qCdw=='
dest=${1:?usage: fetch-3dmol.sh DEST_DIR}
stamp="$dest/3Dmol.version"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$VERSION $INTEGRITY" && -f "$dest/3Dmol-min.js" ]]; then
    exit 0
fi
for tool in npm node tar; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "fetch-3dmol.sh: '$tool' is not installed; the HTML report's viewer (npm package 3dmol@$VERSION) is fetched with npm at build time: install Node.js and npm (Debian: apt-get install npm)" >&2
        exit 1
    fi
done
cache="${XDG_CACHE_HOME:-$HOME/.cache}/sparsepocket/npm"
tarball="$cache/3dmol-$VERSION.tgz"
mkdir -p "$cache" "$dest"
digest() {
    node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"
}
if [[ ! -f "$tarball" || "$(digest "$tarball")" != "$INTEGRITY" ]]; then
    rm -f "$tarball"
    if ! (cd "$cache" && npm pack "3dmol@$VERSION" --silent >/dev/null); then
        echo "fetch-3dmol.sh: 'npm pack 3dmol@$VERSION' failed (is the npm registry reachable?)" >&2
        exit 1
    fi
    actual=$(digest "$tarball")
    if [[ "$actual" != "$INTEGRITY" ]]; then
        rm -f "$tarball"
        echo "fetch-3dmol.sh: 3dmol-$VERSION.tgz has integrity $actual, expected the pinned $INTEGRITY" >&2
        exit 1
    fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work" package/build/3Dmol-min.js package/LICENSE
cp "$work/package/build/3Dmol-min.js" "$dest/3Dmol-min.js"
cp "$work/package/LICENSE" "$dest/3Dmol-LICENSE.txt"
echo "$VERSION $INTEGRITY" > "$stamp"
