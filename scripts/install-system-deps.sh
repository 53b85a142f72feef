#!/usr/bin/env bash
# Install the system packages onboardkit needs on a Debian-like machine, skipping what is
# already there: Chromium (screenshots and PDFs), Noto fonts (Arabic glyphs in screenshots and
# PDFs), FriBiDi (Arabic labels drawn by Pillow) and poppler-utils (PDF checks in the tests).
set -euo pipefail

needed=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || needed+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || needed+=(fonts-noto-core)
command -v pdftoppm >/dev/null 2>&1 || needed+=(poppler-utils)
fc-list 2>/dev/null | grep "DejaVu Sans" >/dev/null || needed+=(fonts-dejavu-core)
# Pillow's wheels bundle the raqm text layout but load FriBiDi from the system (Arabic labels).
/sbin/ldconfig -p 2>/dev/null | grep "libfribidi.so.0" >/dev/null || needed+=(libfribidi0)

if [ ${#needed[@]} -eq 0 ]; then
  echo "System packages: all present."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${needed[*]}. Install them with your package manager," >&2
  echo "or set ONBOARDKIT_CHROMIUM to a Chromium or Chrome executable." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing system packages: ${needed[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}"
