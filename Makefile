# vbparse — the two set-up commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Tesseract for scans; LibreOffice Writer (no GUI, --no-install-recommends: 37 s to install,
# about 200 MB) converts .doc and .rtf; libgl1 and libglib2.0-0 for OpenCV, which RapidOCR
# (a scan's handwritten number and day) loads.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui libgl1 libglib2.0-0
# chromium (and a font with Vietnamese glyphs for its screenshot): the test that opens
# `vbparse report`'s HTML in a headless browser.
APT_TEST_PACKAGES := chromium fonts-dejavu-core

.PHONY: run test install install-test system-deps system-deps-test lint format schema bench clean

## run: install, then parse corpus/ into tasks.jsonl and print a summary
run: install
	$(BIN)/vbparse corpus/ -o tasks.jsonl --errors errors.jsonl || test $$? -eq 1
	@$(BIN)/python -c "import json,collections; r=[json.loads(l) for l in open('tasks.jsonl',encoding='utf-8')]; d=collections.Counter(x['source']['path'] for x in r); print(f'{len(r)} tasks from {len(d)} documents in tasks.jsonl'); [print(f'  {n:4d}  {p}') for p,n in sorted(d.items())]"

## test: install with test extras, lint, then run the tests (with the accuracy gate)
test: install-test
	@if [ -x ../shared/tools/check-reserved ]; then \
		../shared/tools/check-reserved tests/ corpus/ && echo "check-reserved: no reserved document in tests/ or corpus/"; \
	else echo "check-reserved: ../shared/tools/check-reserved not present, skipped"; fi
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/vbparse schema -o schemas --check
	$(BIN)/pytest -q -n auto --dist loadfile

## system-deps: Tesseract with Vietnamese data (scans) and LibreOffice (.doc, .rtf) (Debian, as root)
system-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie \
		&& command -v soffice >/dev/null 2>&1; then \
		echo "tesseract with Vietnamese data, LibreOffice: present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $(APT_PACKAGES); \
	else \
		echo "warning: install $(APT_PACKAGES) for scans, .doc and .rtf (needs root and apt-get)" >&2; \
	fi

## system-deps-test: Chromium for the report's browser test (Debian, as root)
system-deps-test:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_TEST_PACKAGES); \
	else \
		echo "warning: install $(APT_TEST_PACKAGES) for the report's browser test (needs root and apt-get)" >&2; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[ner]"
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[ner,test,dask]"
	touch $@ $(VENV)/.installed

install: system-deps $(VENV)/.installed
install-test: system-deps system-deps-test $(VENV)/.installed-test

lint:
	$(BIN)/ruff check src tests bench scripts

format:
	$(BIN)/ruff format src tests bench scripts

schema: install
	$(BIN)/vbparse schema -o schemas

bench: install-test
	$(BIN)/pip install -q -e ".[bench]"
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) tasks.jsonl tasks.jsonl.manifest errors.jsonl .pytest_cache .ruff_cache
