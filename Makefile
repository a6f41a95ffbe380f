# The two commands a newcomer needs (see README.md):
#   make lab    install what is missing, build, and open the Thaw shell
#   make test   install what is missing, build, and run the whole test suite
# and: make install  (puts `thaw` on the PATH: PREFIX/bin, default /usr/local; sudo if needed)
#      make kernel   (registers the Thaw kernel for Jupyter; docs/jupyter.md)
PREFIX ?= /usr/local
.PHONY: lab test build bench kernel install

lab:
	@scripts/setup.sh
	swift build -c release --product thaw
	.build/release/thaw

# Tests run in release: the lesson replays (five seeds each, every exercise's starter and
# solution) are training runs, ten times faster optimised. Tests use no @testable import.
test:
	@scripts/setup.sh --test
	swift build -c release --build-tests
	OPENBLAS_NUM_THREADS=1 swift test -c release --skip-build

build:
	@scripts/setup.sh
	swift build -c release --product thaw

bench: build
	OPENBLAS_NUM_THREADS=1 .build/release/thaw bench --threads 1

kernel: build
	.build/release/thaw kernel install

install: build
	@if [ -w "$(PREFIX)" ] || { [ ! -e "$(PREFIX)" ] && [ -w "$$(dirname "$(PREFIX)")" ]; }; then \
		scripts/install.sh "$(PREFIX)"; \
	else \
		sudo scripts/install.sh "$(PREFIX)"; \
	fi
