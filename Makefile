# The two commands a fresh machine needs (see README.md). Each installs what is missing first.
SWIFT ?= swift

.PHONY: run test deps build release

# libedit (the REPL's line editor) and poppler (PDFs) come from the system; the Swift packages from the toolchain's mirror.
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev"; \
		(apt-get update -qq && apt-get install -y -qq libedit-dev pkg-config) >/dev/null || \
		  { echo "could not install libedit-dev: run 'apt-get install libedit-dev pkg-config' as root"; exit 1; }; \
	fi
	@# poppler's pdftotext reads PDFs (PRODUCT §7); without it a PDF is a clear error naming the package.
	@if ! command -v pdftotext >/dev/null 2>&1; then \
		echo "installing poppler-utils"; \
		(apt-get update -qq && apt-get install -y -qq poppler-utils) >/dev/null || \
		  { echo "could not install poppler-utils: run 'apt-get install poppler-utils' as root"; exit 1; }; \
	fi
	@# DuckDB and chdb (ClickHouse) check that `explain sql` gives tally's answers; polars is the benchmark's second peer.
	@python3 -c 'import duckdb, chdb, polars' 2>/dev/null || python3 -m pip install -q duckdb chdb polars >/dev/null 2>&1 || \
		echo "note: could not pip install duckdb chdb polars: the SQL tests (ExplainSQLTests) will fail naming the missing package, and the benchmark step fails"

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# tally on its built-in sample data: the canonical query, then the prompt.
run: build
	$(SWIFT) run tally -c 'sum 2080* where dept=綦江 year=2025 by basic,project'

test: deps
	$(SWIFT) build
	@# The command-line and pseudo-terminal tests run on their own, after the rest: a REPL
	@# driven through a terminal is timing-sensitive, and the engine's tests fill both cores.
	$(SWIFT) test --skip TallyCLITests
	$(SWIFT) test --filter TallyCLITests
	$(SWIFT) run tally bench --rows 20000 --runs 1 > /dev/null
	@# The same against DuckDB and polars, small, so the comparison keeps working: answers compared
	@# (it exits 1 when they differ), no speed asserted.
	scripts/bench-vs-duckdb --rows 20000 --runs 1 --tally .build/debug/tally > /dev/null
