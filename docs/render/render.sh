#!/usr/bin/env bash
# Re-renders the process pictures: bash docs/render/render.sh [bpmn-folder] [out-folder]
# Run from the project root; defaults bpmn and docs/bpmn. Needs Node.js and Debian's chromium
# (CHROMIUM=/path/to/chrome to use another); npm installs only the pinned packages, never a browser.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bpmn="$(realpath "${1:-bpmn}")"
out="$(realpath -m "${2:-docs/bpmn}")"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then
	echo "no browser at $chromium: apt-get install -y chromium (or set CHROMIUM)" >&2
	exit 1
fi

# Install once, and again only when the lock file changes.
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
	(cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

cd "$here" && CHROMIUM="$chromium" node render.mjs "$bpmn" "$out"
