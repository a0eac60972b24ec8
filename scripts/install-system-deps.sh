#!/usr/bin/env bash
# Installs the Debian packages the tests use, when missing: Chromium (task pane end-to-end tests),
# LibreOffice Calc (opens, recalculates and prints the .xlsx files we write), poppler (PDF pages,
# words and images), xmllint and python3 (schema checks of the .xlsx files), and the fonts LibreOffice prints our sheets with. assets/fonts/fonts.conf (set
# as FONTCONFIG_FILE for every soffice run by src/cli/libreoffice.ts) maps the fonts the sheets name
# to metric-compatible ones, so that LibreOffice breaks lines where Excel does:
#   ＭＳ ゴシック → IPAGothic, ＭＳ Ｐゴシック → IPAPGothic (fonts-ipafont-gothic), Calibri → Carlito.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# The OOXML validator of ../shared/tools (schema checks of the files we write) runs xmllint and python3.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The font list once: "fc-list | grep -q" fails under pipefail when grep stops reading early.
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'Noto Sans CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
{ grep -q 'IPAGothic' <<<"$fonts" && grep -q 'IPAPGothic' <<<"$fonts"; } || need+=(fonts-ipafont-gothic)
# Calibri-compatible metrics: ExcelJS files default to Calibri, and column widths follow it.
grep -qi 'Carlito' <<<"$fonts" || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
