# The two commands a new user needs: `make demo` and `make test`. Both set up what they need on
# a fresh Debian 12 or 13 (or matching Ubuntu) machine: QGIS from the distribution, then a venv of
# /usr/bin/python3 that sees QGIS's bindings (--system-site-packages) with the pinned pip packages.

SLUG       := lcr_toolkit
VENV       := .venv
PY         := $(VENV)/bin/python
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS   := qgis python3-qgis qgis-providers python3-venv python3-pip python3-numpy python3-pandas python3-scipy \
              python3-gdal qttools5-dev-tools pyqt5-dev-tools xvfb xauth fonts-noto-cjk poppler-utils
# qgis_process's embedded Python finds its standard library through the first python3 on PATH.
QGIS_ENV   := QT_QPA_PLATFORM=offscreen PATH=/usr/bin:$(PATH)
VERSION     = $(shell sed -n 's/^version=//p' metadata.txt)
PROFILE    ?= default
PLUGINS    := $(HOME)/.local/share/QGIS/QGIS3/profiles/$(PROFILE)/python/plugins

.PHONY: demo test bench package install uninstall translations system venv sample-data styles models docs clean

demo: venv translations
	$(QGIS_ENV) $(PY) scripts/demo.py out/demo

test: venv translations
	$(QGIS_ENV) $(VENV)/bin/pytest

# City scale: make bench CITY=1,4,8,16 (plan checks on the demo tiled k x k; GAP=2000 puts the tiles apart) ALGS=100000,1000000
# (per-building algorithms against native:fieldcalculator); without them, the synthetic comparison.
# OSM=1,2,4: lcr:prepare_osm on Liechtenstein tiled k x k (pyosmium in /tmp/osmium-venv: see scripts/osm_tiles.py)
bench: venv
	$(QGIS_ENV) $(PY) scripts/bench.py $(if $(CITY),--city $(CITY)) $(if $(GAP),--gap $(GAP)) $(if $(ALGS),--algs $(ALGS)) $(if $(OSM),--osm $(OSM)) $(if $(ONLY),--only $(ONLY)) $(if $(REPEAT),--repeat $(REPEAT))

# The wizard's pages and results in a real QGIS window under Xvfb, in English and Chinese (committed).
.PHONY: screenshots
screenshots: venv translations
	scripts/screenshots.sh docs/screenshots

# The distribution's QGIS; installed only when missing.
system:
	@if ! command -v qgis_process.bin >/dev/null || ! /usr/bin/python3 -c 'import qgis.core' 2>/dev/null \
	    || ! command -v lrelease >/dev/null || ! command -v pdftoppm >/dev/null \
	    || ! fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || ! /usr/bin/python3 -c 'import venv, ensurepip' 2>/dev/null; then \
	  echo "Installing QGIS and tools from the distribution's packages"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PKGS); \
	fi

venv: system $(VENV)/.installed

# pip may not replace the distribution's numpy (shapely would accept a newer one): pandas, scipy and
# GDAL's bindings are compiled against it, numpy 1 on Debian 12 and numpy 2 on Debian 13.
$(VENV)/.installed: requirements.txt
	/usr/bin/python3 -m venv --system-site-packages $(VENV)
	/usr/bin/python3 -c 'import numpy; print("numpy==" + numpy.__version__)' > $(VENV)/constraints.txt
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt -c $(VENV)/constraints.txt
	touch $@

translations: system
	lrelease -silent i18n/*.ts

# Rebuild generated resources (committed): the demo district, the styles, the models and the docs (a
# fixed Qt hash seed writes the models' XML attributes in one order, so a rerun gives the same bytes).
sample-data: venv
	$(PY) scripts/make_demo_district.py
styles: venv
	$(QGIS_ENV) $(PY) scripts/make_styles.py
models: venv
	$(QGIS_ENV) QT_HASH_SEED=0 $(PY) scripts/make_models.py
	$(QGIS_ENV) $(PY) scripts/make_model_strings.py
# The methods document as the HTML pages the help links open (committed).
docs:
	python3 scripts/make_docs.py

# An installable zip: the committed plugin (less what .gitattributes leaves out) plus the .qm files.
# Plugins > Manage and Install Plugins > Install from ZIP takes it (tests/test_package.py lists it).
DIST ?= dist
package: translations
	mkdir -p $(DIST)
	git archive --format=zip --prefix=$(SLUG)/i18n/ $(foreach f,$(wildcard i18n/*.qm),--add-file=$(f)) --prefix=$(SLUG)/ \
	  -o $(DIST)/$(SLUG)-$(VERSION).zip HEAD
	@echo $(DIST)/$(SLUG)-$(VERSION).zip

# Links this checkout into the QGIS profile (PROFILE=name for another one), and makes shapely 2
# visible to QGIS's Python through the profile's python folder, which QGIS puts on sys.path.
install: venv translations
	mkdir -p $(PLUGINS)
	ln -sfn $(CURDIR) $(PLUGINS)/$(SLUG)
	@/usr/bin/python3 -c 'import shapely, sys; sys.exit(int(shapely.__version__[0]) < 2)' 2>/dev/null || \
	  $(VENV)/bin/pip install -q --disable-pip-version-check --no-deps --target $(PLUGINS)/.. "$$(grep -E "^shapely" requirements.txt)"
	@echo "Linked $(PLUGINS)/$(SLUG); enable it in QGIS: Plugins > Manage and Install Plugins."

uninstall:
	rm -f $(PLUGINS)/$(SLUG)

clean:
	rm -rf out dist .qgis-settings i18n/*.qm
