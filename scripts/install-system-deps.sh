#!/usr/bin/env bash
# Installs the Debian packages the tests use, when missing: Chromium (task pane end-to-end tests),
# LibreOffice Calc (opens, recalculates and prints the .xlsx files we write), poppler (PDF pages),
# Japanese fonts (so LibreOffice lays out the form as Excel would).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# xmllint: the shared OOXML and manifest validators (test/schemas).
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi 'IPAGothic' || need+=(fonts-ipafont-gothic)
# Calibri-compatible metrics: ExcelJS files default to Calibri, and column widths follow it.
fc-list 2>/dev/null | grep -qi "Carlito" || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
