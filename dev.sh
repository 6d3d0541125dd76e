#!/usr/bin/env bash
# Breadthfirst developer entry point.
#
#   ./dev.sh serve   install what is missing, build, serve on http://127.0.0.1:8080
#   ./dev.sh test    install what is missing, build the release, run every check and test
#   ./dev.sh bench   build the release, print load sizes, check, export and drag times
#   ./dev.sh bench excalidraw   the same drag on Excalidraw 0.18, side by side
#   ./dev.sh size    build the release and print what the page fetches, against budgets
#
# Every install step is idempotent: it checks the tool and its version first.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.39.0
# Only for `./dev.sh bench excalidraw`: the app issue 14's budgets are stated against.
EXCALIDRAW_VERSION=0.18.1
REACT_VERSION=19.2.9
ESBUILD_VERSION=0.25.9
TOOLS_DIR="$PWD/.tools"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\n== %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 11 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb
  wb="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (a few minutes, once)"
    # Its published lock file can name a version the registry no longer serves;
    # fall back to a fresh resolution of the same CLI version.
    cargo install wasm-bindgen-cli --version "$wb" --locked ||
      cargo install wasm-bindgen-cli --version "$wb"
  fi
  # Debian's wasm-opt (108) emits modules Chromium rejects; use binaryen from npm.
  # terser minifies wasm-bindgen's JS glue (Trunk.toml's hook), which trunk cannot.
  # Both in one npm call: npm prunes packages a call does not name.
  if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" ||
    [ "$("$TOOLS_DIR/node_modules/.bin/terser" --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION) and terser $TERSER_VERSION into .tools"
    mkdir -p "$TOOLS_DIR"
    echo '{"name":"breadthfirst-tools","private":true}' >"$TOOLS_DIR/package.json"
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --no-save --no-package-lock \
      "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION")
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi
}

# Excalidraw for the side-by-side drag bench (tests/bench/excalidraw_side.rs): the npm
# package, React and esbuild in .tools/excalidraw (a folder of its own: npm prunes what
# a call does not name), and our page (tests/bench/excalidraw/) bundled with them into
# .tools/excalidraw/page/, Excalidraw's fonts copied beside it so that nothing is
# fetched from elsewhere. Only our few lines of page are in the repository.
setup_excalidraw() {
  local dir="$TOOLS_DIR/excalidraw" page="$TOOLS_DIR/excalidraw/page" src="$PWD/tests/bench/excalidraw"
  local modules="$dir/node_modules"
  version_of() { node -p "require('$modules/$1/package.json').version" 2>/dev/null || true; }
  if [ "$(version_of @excalidraw/excalidraw)" != "$EXCALIDRAW_VERSION" ] ||
    [ "$(version_of react)" != "$REACT_VERSION" ] || [ "$(version_of react-dom)" != "$REACT_VERSION" ] ||
    [ "$("$modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
    say "installing Excalidraw $EXCALIDRAW_VERSION, React $REACT_VERSION and esbuild $ESBUILD_VERSION into .tools/excalidraw"
    mkdir -p "$dir"
    echo '{"name":"breadthfirst-excalidraw-bench","private":true}' >"$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --no-save --no-package-lock \
      "@excalidraw/excalidraw@$EXCALIDRAW_VERSION" "react@$REACT_VERSION" "react-dom@$REACT_VERSION" \
      "esbuild@$ESBUILD_VERSION")
  fi
  # Bundled afresh every time (about a second): the page may have changed.
  say "bundling the Excalidraw page into .tools/excalidraw/page"
  rm -rf "$page"
  mkdir -p "$page"
  cp "$src/index.html" "$page/"
  cp -r "$modules/@excalidraw/excalidraw/dist/prod/fonts" "$page/fonts"
  # From stdin, so that imports resolve from .tools/excalidraw/node_modules.
  (cd "$dir" && "$modules/.bin/esbuild" --bundle --minify --format=esm --splitting \
    --sourcefile=page.js --loader=js --outdir="$page" --entry-names=page \
    --define:process.env.NODE_ENV='"production"' --conditions=production \
    --external:'*.woff2' --log-level=warning <"$src/page.js")
}

build_release() {
  say "building the release (trunk, wasm-opt -Oz)"
  trunk build --release --offline
}

# Trunk's post-build hook (Trunk.toml) finishes the build in $TRUNK_STAGING_DIR:
# - the prompt library (build.rs writes it) is served beside the app as prompts/:
#   index.txt for the library's cards and one <id>.txt per prompt, each fetched when
#   needed, so none is part of the first load;
# - terser minifies wasm-bindgen's JS glue and offline.js in releases (trunk 0.21
#   cannot);
# - the start-up script trunk writes inline moves to its own file, start-<cksum>.js:
#   the content security policy in index.html allows no inline script;
# - the service worker is written last, listing every file of the build.
post_build() {
  local dir="$TRUNK_STAGING_DIR" html="$TRUNK_STAGING_DIR/index.html" prompts name
  prompts="$(ls -td "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/"$TRUNK_PROFILE"/build/breadthfirst-*/out/prompts | head -n 1)"
  rm -rf "$dir/prompts"
  cp -r "$prompts" "$dir/prompts"
  if [ "$TRUNK_PROFILE" = release ] && command -v terser >/dev/null; then
    for js in "$dir"/breadthfirst-*.js; do terser "$js" --module --compress --mangle -o "$js"; done
    terser "$dir/offline.js" --module --compress --mangle -o "$dir/offline.js"
  fi
  perl -0ne 'print $1 if m{<script type="?module"?>(.*?)</script>}s' "$html" >"$dir/start.js"
  test -s "$dir/start.js"
  name="start-$(cksum <"$dir/start.js" | cut -d ' ' -f 1).js"
  mv "$dir/start.js" "$dir/$name"
  NAME="$name" perl -0pi -e 's{<script type="?module"?>.*?</script>}{<script type=module src=./$ENV{NAME}></script>}s' "$html"
  precache "$dir"
}

# Writes DIR/sw.js, the service worker (src/browser/sw.js), listing every other file
# in DIR with its SHA-256; its version is a digest of that list. Run again after
# changing a file of a build (the browser tests make a "second deployment" so).
precache() {
  local dir="$1" files version
  files="$(cd "$dir" && find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort |
    while IFS= read -r f; do printf '["%s","%s"],' "$f" "$(sha256sum <"$f" | cut -d ' ' -f 1)"; done)"
  version="$(printf '%s' "$files" | sha256sum | cut -c 1-16)"
  sed -e "s|__VERSION__|$version|" -e "s|__FILES__|[${files%,}]|" src/browser/sw.js >"$dir/sw.js"
}

case "${1:-}" in
  post-build)
    post_build
    ;;
  precache)
    precache "${2:?usage: ./dev.sh precache DIR}"
    ;;
  serve)
    setup_build_tools
    say "serving on http://127.0.0.1:8080 (Ctrl+C stops)"
    # Exactly what is deployed: no auto-reload script (the content security policy
    # allows no inline script).
    exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080
    ;;
  test)
    setup_build_tools
    setup_browser
    say "rustfmt"
    cargo fmt --all -- --check
    say "clippy (native and wasm32, warnings denied)"
    cargo clippy --all-targets -- -D warnings
    cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
    build_release
    say "tests (native core, architecture, and the release build in headless Chromium)"
    log="$(mktemp)"
    status=0
    cargo test 2>&1 | tee "$log" || status=$?
    # One closing line for the whole run, summed over every test binary.
    awk '/^test result:/ { p += $4; f += $6 } END { printf "%d passed, %d failed\n", p, f }' "$log"
    rm -f "$log"
    exit "$status"
    ;;
  bench)
    if [ "${2:-}" = excalidraw ]; then
      setup_browser
      setup_excalidraw
      say "dragging one shape on Excalidraw $EXCALIDRAW_VERSION: 1,000, 2,000 and 4,000 shapes"
      cargo bench --bench excalidraw_side
      exit 0
    fi
    setup_build_tools
    setup_browser
    build_release
    say "what the page fetches (dist/: raw, gzip -9, brotli 11)"
    cargo bench --bench load_size
    say "checking a 1,000-component board against every prompt"
    cargo bench --bench check_engine
    say "the check against the evaluation corpus (tests/checker_corpus)"
    cargo bench --bench checker_corpus
    say "exporting and importing a 1,000-component board"
    cargo bench --bench export_import
    say "laying out 1,500 and 2,000 arrows, and one drag step (native)"
    cargo bench --bench route_layout
    say "loading and dragging boards of 1,000, 2,000 and 4,000 components"
    cargo bench --bench drag_frames
    say "the practice history: importing 500 attempts and opening Progress"
    cargo bench --bench history_progress
    say "replay: seeking in a 2,000-change timeline (tests/bench/timeline_seek.rs)"
    cargo bench --bench timeline_seek
    say "replay: scrubbing the Review's replay of that timeline (tests/bench/replay_scrub.rs)"
    cargo bench --bench replay_scrub
    say "replay: writing that timeline as an animated SVG and an HTML page (tests/bench/replay_export.rs)"
    cargo bench --bench replay_export
    ;;
  size)
    setup_build_tools
    build_release
    say "what the page fetches (dist/: raw, gzip -9, brotli 11)"
    cargo bench --bench load_size
    ;;
  *)
    echo "usage: ./dev.sh serve | test | bench [excalidraw] | size" >&2
    exit 2
    ;;
esac
