#!/usr/bin/env bash
# Installs a built thaw under PREFIX (default /usr/local), the way `make install` does:
#   PREFIX/bin/thaw                       the binary
#   PREFIX/share/thaw/Lessons, datasets   what it ships (found from the binary's own path)
#   PREFIX/share/bash-completion/completions/thaw, zsh/site-functions/_thaw,
#   fish/vendor_completions.d/thaw.fish   shell completion (ArgumentParser's)
# Usage: scripts/install.sh [PREFIX] [BINARY]   (BINARY defaults to .build/release/thaw)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
binary="${2:-.build/release/thaw}"
[ -x "$binary" ] || { echo "install: no thaw binary at $binary; run 'swift build -c release --product thaw' first" >&2; exit 1; }

share="$prefix/share/thaw"
install -d "$prefix/bin" "$share" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
  "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/thaw"
# Replace, not merge: a lesson removed upstream must not linger in an installed copy.
rm -rf "$share/Lessons" "$share/datasets"
cp -R Lessons datasets "$share/"
"$prefix/bin/thaw" --generate-completion-script bash > "$prefix/share/bash-completion/completions/thaw"
"$prefix/bin/thaw" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_thaw"
"$prefix/bin/thaw" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/thaw.fish"
echo "installed thaw $("$prefix/bin/thaw" --version) in $prefix/bin (lessons and data in $share)"
