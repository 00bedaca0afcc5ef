#!/usr/bin/env python3
"""No third-party requests (issue #9, item 4; reliability.md X96).

    python3 tests/validate/third_party.py SITE_DIR

Parses every HTML and SVG page and every CSS file of a built site and lists each URL the
browser would fetch on its own from another host: script/img/iframe/source/video/audio/
embed/object sources and srcsets, stylesheet/preload/prefetch/preconnect/dns-prefetch/icon/
manifest/modulepreload links, <meta http-equiv=refresh>, SVG <image>/<use>, CSS url() and
@import (in files, <style> blocks and style attributes). Links (<a href>), canonical and
alternate URLs are navigation, not requests. Exit 1 if any is found.
"""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

FETCHING_RELS = {
    "stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon",
    "apple-touch-icon", "manifest", "modulepreload", "prerender", "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)


def foreign(url):
    u = url.strip().lower()
    return u.startswith(("http:", "https:", "//", "\\\\", "ftp:", "ws:", "wss:"))


def css_urls(text):
    for m in CSS_URL.finditer(text):
        yield m.group(2) if m.group(2) is not None else m.group(4)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        for k in ("src", "poster", "data", "background"):
            if k in a and tag != "a":
                self.urls.append((tag, k, a[k]))
        for k in ("srcset", "imagesrcset"):
            if k in a:
                for part in a[k].split(","):
                    if part.strip():
                        self.urls.append((tag, k, part.split()[0]))
        if tag in ("image", "use", "feimage"):
            for k in ("href", "xlink:href"):
                if k in a:
                    self.urls.append((tag, k, a[k]))
        if tag == "link" and FETCHING_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append((tag, "href", a.get("href", "")))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\";]+)", a.get("content", ""), re.I)
            if m:
                self.urls.append((tag, "content", m.group(1)))
        if "style" in a:
            self.urls.extend((tag, "style", u) for u in css_urls(a["style"]))
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.urls.extend(("style", "css", u) for u in css_urls(data))


def main():
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "public")
    found = []
    scanned = 0
    hosts = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".svg", ".css"):
            continue
        text = path.read_text("utf-8", errors="replace")
        scanned += 1
        if suffix == ".css":
            urls = [("css", "url", u) for u in css_urls(text)]
        else:
            p = Page()
            p.feed(text)
            urls = p.urls
        for tag, attr, url in urls:
            if foreign(url):
                found.append(f"{path.relative_to(site)}: <{tag} {attr}> {url}")
                hosts.add(re.sub(r"^[a-z]*:?//", "", url.lower()).split("/")[0])
    for line in found:
        print(line)
    print(f"hosts: {len(hosts)} third-party hosts in {scanned} pages and stylesheets"
          + (f": {', '.join(sorted(hosts))}" if hosts else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
