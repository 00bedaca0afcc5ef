#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the example site (content/, locales/, the theme's
# locales) so libFuzzer starts from real inputs. Safe to run again: it only adds files.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/{frontmatter,markdown,fluent,slug,resolve}
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  cp "$f" "corpus/frontmatter/seed-$i.md"
  # The body alone for the Markdown target.
  awk 'BEGIN{n=0} n>=2{print} /^\+\+\+[[:space:]]*$/{n++}' "$f" > "corpus/markdown/seed-$i.md"
  # The file and folder names for the slug target.
  basename "$(dirname "$f")" | tr -d '\n' > "corpus/slug/dir-$i"
  grep -m1 '^title = ' "$f" | sed 's/^title = "\(.*\)"$/\1/' | tr -d '\n' > "corpus/slug/title-$i" || true
done < <(find "$root/content" -name '*.md' -print0)
j=0
while IFS= read -r -d '' f; do
  j=$((j + 1))
  cp "$f" "corpus/fluent/seed-$j.ftl"
done < <(find "$root/locales" "$root/themes" -name '*.ftl' -print0)
# Request paths: the first byte picks the base path (even: `/`, odd: `/intl/`).
k=0
for p in / /ru/ /ka/projects/boskovice/ /en/partners/ /cs/timeline/2016/ /ru/map/ \
         /style.css /ru/projects/x/photo.jpg /ru/%D0%B9/ /../etc/passwd /%2e%2e/x \
         "/ru\\x" /%00 //evil.example/ /ru /intl/ru/ /intl /%c0%ae/; do
  k=$((k + 1))
  printf '\000%s' "$p" > "corpus/resolve/seed-$k"
  printf '\001%s' "$p" > "corpus/resolve/seed-$k-intl"
done
echo "seeded: $i content files, $j .ftl files, $k paths"
