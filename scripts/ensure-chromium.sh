#!/usr/bin/env bash
# Makes sure the system tools the browser tests use are there: Debian's Chromium (Playwright drives it via
# executablePath) and poppler's pdftotext (to read the printed after-action report).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing ${missing[*]} for the browser tests…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	exit 0
fi
echo "Missing ${missing[*]}: install with sudo apt-get install -y ${missing[*]} (or set CHROMIUM_PATH)." >&2
exit 1
