#!/usr/bin/env bash
# Screenshots of the planning-check wizard in a real QGIS window under Xvfb, in English and
# Simplified Chinese: OUT/en/NN_level_page.png and OUT/zh/... (scripts/qgis_wizard_shots.py walks
# the wizard). Needs the plugin's .qm files (make translations); `make screenshots` runs it all.
# Usage: scripts/screenshots.sh [OUT] [LEVELS]   (default docs/screenshots "master detailed")
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$repo/docs/screenshots}")
levels=${2:-master detailed}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Opening a GeoPackage in QGIS can rewrite its header: work on a copy of the committed one.
cp "$repo/resources/sample_data/demo_district.gpkg" "$work/demo_district.gpkg"
mkdir -p "$work/plugins"
ln -s "$repo" "$work/plugins/lcr_toolkit"
shapely_path=$("$repo/.venv/bin/python" -c 'import os, shapely; print(os.path.dirname(os.path.dirname(shapely.__file__)))')
status=0
for pair in en:en_US zh:zh-Hans; do
  lang=${pair%%:*} locale=${pair#*:}
  # A fresh profile per language; --profiles-path P keeps profiles in P/profiles/<name>. zh-Hans is
  # what QGIS's own language list sets for Simplified Chinese.
  profiles="$work/profiles_$lang"
  mkdir -p "$profiles/profiles/default/QGIS" "$out/$lang"
  cat > "$profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[locale]
overrideFlag=true
userLocale=$locale
[PythonPlugins]
lcr_toolkit=true
processing=true
[lcr_toolkit]
report_language=$lang
INI
  shots="$work/shots_$lang"
  mkdir -p "$shots"
  LCR_DATA="$work/demo_district.gpkg" LCR_OUT="$shots" LCR_LEVELS="$levels" QGIS_PLUGINPATH="$work/plugins" \
    LCR_RAIN="$repo/resources/sample_data/demo_daily_rainfall.csv" LCR_RESULTS="$work/results" \
    LCR_OSM="$repo/resources/sample_data/osm/kotka.osm.pbf" LCR_SCRIPTS="$repo/scripts" \
    PYTHONPATH="$shapely_path" PATH="/usr/bin:$PATH" \
    timeout 300 xvfb-run -a -s "-screen 0 1920x1080x24" \
    qgis.bin --nologo --noversioncheck --profiles-path "$profiles" --code "$repo/scripts/qgis_wizard_shots.py" \
    >"$work/qgis_$lang.log" 2>&1 && ok=1 || ok=0
  [ -f "$shots/shots.log" ] && sed "s/^/$lang: /" "$shots/shots.log"
  if [ $ok = 0 ]; then
    echo "QGIS ($locale) failed; $out/$lang left as it was. QGIS's output:" >&2
    tail -20 "$work/qgis_$lang.log" >&2
    status=1
  else
    rm -f "$out/$lang"/*.png
    "$repo/.venv/bin/python" - "$shots" "$out/$lang" <<'PY'
"""Copy the shots, reduced to 256 colours when Pillow is there (a UI screenshot barely changes)."""
import shutil, sys
from pathlib import Path
try:
    from PIL import Image
except ImportError:
    Image = None
for src in sorted(Path(sys.argv[1]).glob("*.png")):
    dst = Path(sys.argv[2]) / src.name
    if Image is None:
        shutil.copy(src, dst)
    else:
        Image.open(src).convert("RGB").quantize(256, dither=Image.Dither.NONE).save(dst, optimize=True)
    print(f"{dst} {dst.stat().st_size // 1024} KB")
PY
  fi
done
exit $status
