#!/usr/bin/env bash
# Chinese labels in exported charts need a CJK font. Install Debian's Noto CJK where none is present;
# fail with a clear message where that is impossible, rather than letting charts render empty boxes.
set -euo pipefail
if command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh family 2>/dev/null | head -n1)" ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "installing a CJK font (fonts-noto-cjk) for chart labels…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
  exit 0
fi
echo "error: no CJK font found (fc-list :lang=zh is empty). Install one, e.g. 'sudo apt-get install fonts-noto-cjk'," >&2
echo "       or set POLICYKIT_FONT_DIR to a folder holding a .ttf/.otf/.ttc CJK font." >&2
exit 1
