# The two commands a newcomer needs (see README.md):
#   make lab    install what is missing, build, and open the Thaw shell
#   make test   install what is missing, build, and run the whole test suite
.PHONY: lab test build bench

lab:
	@scripts/setup.sh
	swift build -c release --product thaw
	.build/release/thaw

test:
	@scripts/setup.sh --test
	swift build --build-tests
	OPENBLAS_NUM_THREADS=1 swift test --skip-build

build:
	@scripts/setup.sh
	swift build -c release --product thaw

bench: build
	OPENBLAS_NUM_THREADS=1 .build/release/thaw bench --threads 1
