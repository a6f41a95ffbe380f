#!/usr/bin/env bash
# Remakes the pretrained starting points in datasets/pretrained/ from their recipes
# (Sources/ThawTune/Pretrained/Pretrained.swift), and prints each one's scores and time.
#
#   scripts/make-pretrained.sh                          all five (about a minute of training)
#   scripts/make-pretrained.sh gpt-english mlp-digits   just these
#
# The driver is a test that is off unless THAW_REMAKE_PRETRAINED=1 (RemakePretrained in
# Tests/ThawTuneTests); it is built in release mode, which the first time takes a few minutes.
# THAW_BUILD_PATH=.build-x uses another build folder (swift's --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/.."
only="$(IFS=,; echo "$*")"
# One BLAS thread: the same sums in the same order every run, so the same weights come out
# (bit for bit on the same machine; another CPU's BLAS kernels may differ in the last bits).
export OPENBLAS_NUM_THREADS=1
THAW_REMAKE_PRETRAINED=1 THAW_REMAKE_ONLY="$only" \
  swift test -c release ${THAW_BUILD_PATH:+--scratch-path "$THAW_BUILD_PATH"} --filter RemakePretrained
ls -l datasets/pretrained/
