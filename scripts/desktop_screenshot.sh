#!/usr/bin/env bash
# Screenshot of QGIS desktop with the plugin loaded and its results on the map, under Xvfb.
# Usage: scripts/desktop_screenshot.sh OUT.png [LOCALE]   (LOCALE e.g. zh_CN; default en_US)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-out/qgis.png}")
locale=${2:-en_US}
work=$(mktemp -d)
# --profiles-path P keeps profiles in P/profiles/<name>
mkdir -p "$work/plugins" "$work/profiles/profiles/default/QGIS" "$(dirname "$out")"
ln -s "$repo" "$work/plugins/lcr_toolkit"
cat > "$work/profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[locale]
overrideFlag=true
userLocale=$locale
[PythonPlugins]
lcr_toolkit=true
processing=true
INI
shapely_path=$("$repo/.venv/bin/python" -c 'import os, shapely; print(os.path.dirname(os.path.dirname(shapely.__file__)))')
LCR_REPO="$repo" LCR_SHOT="$out" QGIS_PLUGINPATH="$work/plugins" PYTHONPATH="$shapely_path" PATH="/usr/bin:$PATH" \
  timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
  qgis.bin --nologo --noversioncheck --profiles-path "$work/profiles" \
  --code "$repo/scripts/qgis_desktop_shot.py" >/dev/null 2>&1 || true
rm -rf "$work"
[ -s "$out" ] && echo "$out"
