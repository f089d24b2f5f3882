#!/usr/bin/env bash
# Screenshots of installing the plugin's ZIP into a fresh QGIS profile under Xvfb, as a user would
# (scripts/qgis_install_shots.py): Install from ZIP, the missing-package offer and pip's run (a real
# download into the profile), then, after a restart, the toolbox and a lcr:flood_exposure run.
# Usage: scripts/install_shots.sh [OUT]   (default docs/screenshots); PNGs named install_*.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$repo/docs/screenshots}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make -s -C "$repo" package DIST="$work" >/dev/null
zip=$(ls "$work"/lcr_toolkit-*.zip)
cp "$repo/resources/sample_data/demo_district.gpkg" "$work/demo_district.gpkg"
profiles="$work/profiles"
mkdir -p "$profiles/profiles/default/QGIS" "$work/shots" "$out"
cat > "$profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[locale]
overrideFlag=true
userLocale=en_US
[PythonPlugins]
processing=true
INI
for stage in install run; do
  # No PYTHONPATH and no QGIS_PLUGINPATH: QGIS's Python as a fresh install has it.
  env -u PYTHONPATH -u QGIS_PLUGINPATH LCR_STAGE=$stage LCR_ZIP="$zip" LCR_DATA="$work/demo_district.gpkg" \
    LCR_OUT="$work/shots" LCR_SCRIPTS="$repo/scripts" PATH="/usr/bin:$PATH" timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" \
    qgis.bin --nologo --noversioncheck --profiles-path "$profiles" --code "$repo/scripts/qgis_install_shots.py" \
    >"$work/qgis_$stage.log" 2>&1 || { cat "$work/shots/shots.log" >&2; tail -20 "$work/qgis_$stage.log" >&2; exit 1; }
done
cat "$work/shots/shots.log"
"$repo/.venv/bin/python" - "$work/shots" "$out" <<'PY'
"""Half size, 256 colours: a step of an install needs to be recognised, not read pixel by pixel."""
import sys
from pathlib import Path
from PIL import Image
for src in sorted(Path(sys.argv[1]).glob("install_*.png")):
    image = Image.open(src).convert("RGB")
    if image.width > 800:
        image = image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.LANCZOS)
    dst = Path(sys.argv[2]) / src.name
    image.quantize(256, dither=Image.Dither.NONE).save(dst, optimize=True)
    print(f"{dst} {dst.stat().st_size // 1024} KB")
PY
