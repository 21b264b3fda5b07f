#!/usr/bin/env bash
# Installs what the Neo4j Browser end-to-end test needs, once: Debian's chromium (no browser
# download at test time). Without root or apt the browser tests cannot run: they skip on a
# developer's machine and fail in CI (CI=true), saying why.
set -euo pipefail
# fonts-wqy-microhei: without a CJK font, Chinese captions in the graph view render as boxes.
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wenquanyi; then exit 0; fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and a CJK font for the Browser end-to-end test (once)…"
  if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }; then
    echo "note: installing chromium failed; the browser tests will skip (and fail in CI)"
  fi
else
  echo "note: chromium is not installed and cannot be installed here; the browser tests will skip (and fail in CI)"
fi
