#!/usr/bin/env bash
# Makes sure the browser the console's tests drive is installed: Debian's chromium and chromium-driver
# (/usr/bin/chromium, /usr/bin/chromedriver). Installs them with apt-get as root (or with sudo, if it needs no
# password); otherwise says in one line what to run. Nothing is downloaded by the tests themselves.
set -euo pipefail

have() { [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; }

if have; then
  echo "   chromium and chromedriver: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "error: the console's browser tests need Chromium: run 'sudo apt-get install chromium chromium-driver'" >&2
  exit 1
fi
echo "   installing chromium and chromium-driver (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null; then
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
fi
have || { echo "error: chromium or chromedriver still missing after apt-get" >&2; exit 1; }
echo "   chromium and chromedriver: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
