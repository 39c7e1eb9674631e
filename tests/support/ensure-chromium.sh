#!/usr/bin/env bash
# The browser tests use Debian's Chromium: Playwright cannot download its own browsers here.
# Installs it when missing and we are root; otherwise says what to do.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium is not installed at $CHROMIUM; the browser tests need it."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "Installing Debian's chromium package (apt-get)…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq chromium >/dev/null
	[ -x "$CHROMIUM" ] && { echo "Chromium installed: $("$CHROMIUM" --version)"; exit 0; }
fi
cat >&2 <<MSG
Could not install Chromium by itself. Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/it
MSG
exit 1
