#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build Thaw: OpenBLAS and libedit
# headers (apt), and, with --test, the Python packages some tests compare against
# (safetensors, nbformat, numpy) or drive the Jupyter kernel with (ipykernel, jupyter_client,
# nbclient). Safe to run again: it installs only what is missing.
set -euo pipefail

need_apt=()
dpkg -s libopenblas-dev >/dev/null 2>&1 || need_apt+=(libopenblas-dev)
dpkg -s libedit-dev >/dev/null 2>&1 || need_apt+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${need_apt[*]} (apt-get)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The Python packages tests check Thaw's files and kernel with (all small; torch is not one).
python_test_helpers=(safetensors nbformat numpy ipykernel jupyter_client nbclient)
if [ "${1:-}" = "--test" ]; then
  if ! python3 -c "import safetensors, nbformat, numpy, ipykernel, jupyter_client, nbclient" >/dev/null 2>&1; then
    echo "setup: installing Python test helpers (${python_test_helpers[*]})"
    python3 -m pip install -q "${python_test_helpers[@]}" 2>/dev/null \
      || python3 -m pip install -q --user --break-system-packages "${python_test_helpers[@]}" \
      || echo "setup: could not install Python test helpers; tests that need them will say so"
  fi
fi
