#!/usr/bin/env bash
# The HTML audit runs the Nu HTML Checker (node_modules/vnu-jar), which needs Java 11 or later.
# Installs a headless JRE when Java is missing and we are root; otherwise says what to do.
set -euo pipefail
JAVA=${JAVA_PATH:-java}
if command -v "$JAVA" >/dev/null && "$JAVA" -version >/dev/null 2>&1; then exit 0; fi
echo "Java is not installed; the HTML validity audit (vnu-jar) needs it."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "Installing Debian's default-jre-headless package (apt-get)…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
	command -v java >/dev/null && { echo "Java installed: $(java -version 2>&1 | head -1)"; exit 0; }
fi
cat >&2 <<MSG
Could not install Java by itself. Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y default-jre-headless
  elsewhere:      install a Java runtime (11 or later) and put java on PATH, or set JAVA_PATH
MSG
exit 1
