//! `mosty status` (coverage numbers, text and JSON), `--mark` and stale detection, and
//! `mosty locales sync` (round trips that never lose a translator's line).

use mosty::config::SiteConfig;
use mosty::content::{self, LoadOptions};
use mosty::lang::Lang;
use mosty::stale::{TranslationState, source_hash, translation_state};
use mosty::status::StatusReport;
use mosty::theme::Theme;

use crate::support::TestSite;

const SITE: &str = r#"
-- site.toml --
base_url = "https://c.example/"
default_language = "ru"
languages = ["ru", "ka", "en"]
[fallback]
ka = ["en", "ru"]
-- content/_index.ru.md --
+++
title = "Главная"
+++
-- content/_index.ka.md --
+++
title = "მთავარი"
+++
-- content/projects/a/index.ru.md --
+++
title = "А"
date = 2016-06-01
[[events]]
date = 2016-06-02
title = "Визит"
+++
Текст А.
-- content/projects/a/index.ka.md --
+++
# a comment the translator wrote
title = "ა"

[[events]]
title = "ვიზიტი"
+++
ტექსტი ა.
-- content/projects/b/index.ru.md --
+++
title = "Б"
+++
Текст Б.
-- content/projects/b/index.ka.md --
+++
title = "ბ"
+++
-- locales/ru/site.ftl --
hello = Привет
bye = Пока
-- locales/ka/site.ftl --
hello = გამარჯობა
old = ძველი
"#;

fn mosty(site: &TestSite, args: &[&str]) -> (i32, String, String) {
    site.run(args)
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap()
}

fn state(site: &TestSite, key: &str, code: &str) -> TranslationState {
    let config = SiteConfig::load(site.root(), None).unwrap();
    let (content, _) = content::load(site.root(), &config, &LoadOptions::default()).unwrap();
    translation_state(
        content.get(key).unwrap(),
        &lang(code),
        &config.default_language,
    )
}

#[test]
fn status_json_counts_messages_and_entries() {
    let site = TestSite::with_theme(SITE);
    let (code, out, err) = mosty(
        &site,
        &["status", "--mark", "content/projects/a/index.ka.md"],
    );
    assert_eq!(code, 0, "{out}{err}");
    // b's source changes after its translation was marked: stale.
    let (code, _, _) = mosty(
        &site,
        &["status", "--mark", "content/projects/b/index.ka.md"],
    );
    assert_eq!(code, 0);
    site.write(
        "content/projects/b/index.ru.md",
        "+++\ntitle = \"Б\"\n+++\nНовый текст Б.\n",
    );

    let (code, out, err) = mosty(&site, &["status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["default_language"], "ru");
    let langs = v["languages"].as_array().unwrap();
    assert_eq!(langs.len(), 3);
    let ru = &langs[0];
    let ka = &langs[1];
    let en = &langs[2];
    assert_eq!(ru["is_default"], true);

    let total = ru["messages"]["total"].as_u64().unwrap();
    assert_eq!(ru["messages"]["translated"], total);
    assert_eq!(ka["messages"]["total"], total);
    assert_eq!(ka["messages"]["missing"], 1);
    assert_eq!(ka["messages"]["translated"], total - 1);
    assert_eq!(ka["messages"]["obsolete"], 1);
    assert_eq!(ka["missing_messages"][0]["id"], "bye");
    assert_eq!(
        ka["missing_messages"][0]["source"],
        "locales/ru/site.ftl:2:1"
    );
    assert_eq!(ka["missing_messages"][0]["falls_back_to"], "ru");
    assert_eq!(ka["obsolete_messages"][0]["id"], "old");
    assert_eq!(
        ka["obsolete_messages"][0]["position"],
        "locales/ka/site.ftl:2:1"
    );
    assert_eq!(en["messages"]["missing"], 2);

    // Entries: home, a, b (the `projects` section page is mosty's own, not counted).
    let e = &ka["entries"];
    assert_eq!(e["total"], 3);
    assert_eq!(e["translated"], 3);
    assert_eq!(e["current"], 1);
    assert_eq!(e["stale"], 1);
    assert_eq!(e["unmarked"], 1);
    assert_eq!(e["missing"], 0);
    assert_eq!(e["percent"], 100);
    assert_eq!(e["up_to_date_percent"], 66);
    assert_eq!(
        ka["stale_entries"][0]["path"],
        "content/projects/b/index.ka.md"
    );
    assert_eq!(
        ka["stale_entries"][0]["source"],
        "content/projects/b/index.ru.md"
    );
    assert_eq!(ka["unmarked_entries"][0]["key"], "");
    let e = &en["entries"];
    assert_eq!(
        (
            e["translated"].as_u64(),
            e["missing"].as_u64(),
            e["percent"].as_u64()
        ),
        (Some(0), Some(3), Some(0))
    );
    assert_eq!(
        en["missing_entries"][1]["path"],
        "content/projects/a/index.en.md"
    );
    assert_eq!(en["missing_entries"][1]["shown_in"], "ru");
    assert_eq!(ru["entries"]["translated"], 3);

    // The same numbers from the library, for the site's own coverage page.
    let config = SiteConfig::load(site.root(), None).unwrap();
    let (content, _) = content::load(site.root(), &config, &LoadOptions::default()).unwrap();
    let theme = Theme::load(site.root(), &config.theme).unwrap();
    let report = StatusReport::compute(site.root(), &config, &content, &theme);
    assert_eq!(report.languages[1].entries.stale, 1);
    assert_eq!(serde_json::to_value(&report).unwrap(), v);
}

#[test]
fn status_text_is_an_aligned_table_with_lists() {
    let site = TestSite::with_theme(SITE);
    let (code, out, _) = mosty(&site, &["status"]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("language"), "{out}");
    assert!(lines[1].starts_with("ru (source)"), "{out}");
    // Every row of the table ends its last column at the same place.
    let width = lines[0].chars().count();
    for l in &lines[1..4] {
        assert_eq!(l.chars().count(), width, "{out}");
    }
    assert!(out.contains("ka: 1 missing message"), "{out}");
    assert!(out.contains("bye"), "{out}");
    assert!(out.contains("en: 3 missing entries"), "{out}");
    assert!(
        out.contains("content/projects/a/index.en.md  (shown in ru)"),
        "{out}"
    );

    let (code, out, _) = mosty(&site, &["status", "--lang", "ka"]);
    assert_eq!(code, 0);
    assert!(!out.contains("\nen "), "{out}");
    let (code, _, err) = mosty(&site, &["status", "--lang", "de"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn mark_changes_only_translated_from_and_detects_later_edits() {
    let site = TestSite::with_theme(SITE);
    let path = site.root().join("content/projects/a/index.ka.md");
    let before = std::fs::read_to_string(&path).unwrap();
    assert_eq!(state(&site, "projects/a", "ka"), TranslationState::Unmarked);

    let (code, out, err) = mosty(
        &site,
        &["status", "--mark", "content/projects/a/index.ka.md"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("(added)"), "{out}");
    let after = std::fs::read_to_string(&path).unwrap();
    let config = SiteConfig::load(site.root(), None).unwrap();
    let (content, _) = content::load(site.root(), &config, &LoadOptions::default()).unwrap();
    let hash = source_hash(&content.get("projects/a").unwrap().sources[&lang("ru")]);
    assert_eq!(hash.len(), 12);
    assert_eq!(
        after,
        before.replace(
            "title = \"ა\"\n",
            &format!("title = \"ა\"\ntranslated_from = \"{hash}\"\n")
        )
    );
    assert_eq!(state(&site, "projects/a", "ka"), TranslationState::Current);

    // Marking again changes nothing.
    let (_, out, _) = mosty(
        &site,
        &["status", "--mark", "content/projects/a/index.ka.md"],
    );
    assert!(out.contains("already up to date"), "{out}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);

    // Dates and other language-neutral fields do not make a translation stale.
    site.write(
        "content/projects/a/index.ru.md",
        "+++\ntitle = \"А\"\ndate = 2017-03-01\n[[events]]\ndate = 2017-03-02\ntitle = \"Визит\"\n+++\nТекст А.  \n\n",
    );
    assert_eq!(state(&site, "projects/a", "ka"), TranslationState::Current);

    // A changed event title does.
    site.write(
        "content/projects/a/index.ru.md",
        "+++\ntitle = \"А\"\ndate = 2017-03-01\n[[events]]\ndate = 2017-03-02\ntitle = \"Второй визит\"\n+++\nТекст А.\n",
    );
    match state(&site, "projects/a", "ka") {
        TranslationState::Stale {
            recorded,
            source_hash,
        } => {
            assert_eq!(recorded, hash);
            assert_ne!(source_hash, hash);
        }
        other => panic!("expected stale, got {other:?}"),
    }

    // Marking the updated translation replaces the value in place.
    let (code, out, _) = mosty(
        &site,
        &["status", "--mark", "content/projects/a/index.ka.md"],
    );
    assert_eq!(code, 0);
    assert!(out.contains(&format!("was \"{hash}\"")), "{out}");
    assert_eq!(state(&site, "projects/a", "ka"), TranslationState::Current);
    assert_eq!(state(&site, "projects/a", "ru"), TranslationState::Source);
    assert_eq!(state(&site, "projects/a", "en"), TranslationState::Missing);

    // The source itself cannot be marked.
    let (code, _, err) = mosty(
        &site,
        &["status", "--mark", "content/projects/a/index.ru.md"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("default language"), "{err}");
}

// ---- locales sync ----

const SOURCE_FTL: &str = r#"### Messages of the site.

## Header

# The site's name, in the header and the title bar.
-brand = Мосты
site-title = { -brand }: сотрудничество
    .title = Главная страница

# Shown under the title.
tagline = Международные проекты
    колледжей

## Lists

students = { $count ->
    [one] { $count } студент
    [few] { $count } студента
   *[many] { $count } студентов
}
empty-list = Пока ничего нет.
"#;

const TRANSLATION_FTL: &str = r#"### საიტის შეტყობინებები — ჩემი კომენტარი.

## Header

# Translator's note: keep it short.
site-title = { -brand }: თანამშრომლობა
    .title = მთავარი გვერდი

## Lists

empty-list = ჯერ არაფერია.
# my own remark at the end
"#;

fn sync_site() -> TestSite {
    TestSite::with_theme(&format!(
        "{SITE}-- locales/ru/site.ftl --\n{SOURCE_FTL}-- locales/ka/site.ftl --\n{TRANSLATION_FTL}-- locales/ru/other.ftl --\nnav-more = Ещё\n"
    ))
}

/// Every line of `old` appears in `new`, in the same order.
fn keeps_every_line(old: &str, new: &str) {
    let mut rest = new.lines();
    for line in old.lines() {
        assert!(
            rest.any(|l| l == line),
            "line {line:?} was lost or moved:\n{new}"
        );
    }
}

fn parses_cleanly(text: &str) {
    if let Err((_, errors)) = fluent_syntax::parser::parse(text) {
        panic!("{errors:?}\n{text}");
    }
}

#[test]
fn sync_adds_commented_blocks_in_source_order_and_loses_nothing() {
    let site = sync_site();
    let ka = site.root().join("locales/ka/site.ftl");
    let (code, out, err) = mosty(&site, &["locales", "sync", "--lang", "ka"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "locales/ka/site.ftl: added 3 messages to translate: -brand, tagline, students"
        ),
        "{out}"
    );
    assert!(
        out.contains("locales/ka/other.ftl: created with 1 message"),
        "{out}"
    );
    let new = std::fs::read_to_string(&ka).unwrap();
    keeps_every_line(TRANSLATION_FTL, &new);
    parses_cleanly(&new);
    // The obsolete `old`... is in SITE's ka file, not this one; nothing of it is touched.

    // Blocks follow the source's order: -brand before site-title, tagline and students after it.
    let pos = |s: &str| {
        new.find(s)
            .unwrap_or_else(|| panic!("{s:?} not in:\n{new}"))
    };
    assert!(pos("# -brand = Мосты") < pos("site-title = { -brand }: თანამშრომლობა"));
    assert!(pos("    .title = მთავარი გვერდი") < pos("# tagline = Международные проекты"));
    assert!(pos("# tagline") < pos("#     колледжей"));
    assert!(pos("#     колледжей") < pos("# students = { $count ->"));
    assert!(pos("# students") < pos("empty-list = ჯერ არაფერია."));
    // The source's comment comes along as context.
    assert!(pos("# # The site's name") < pos("# -brand"));
    assert!(
        new.contains("# # Shown under the title.\n# tagline"),
        "{new}"
    );
    assert!(
        new.contains("#    *[many] { $count } студентов\n# }"),
        "{new}"
    );

    // Nothing changes the second time.
    let (code, out, _) = mosty(&site, &["locales", "sync", "--lang", "ka"]);
    assert_eq!(code, 0);
    assert!(out.contains("nothing to add"), "{out}");
    assert_eq!(std::fs::read_to_string(&ka).unwrap(), new);

    // The translator translates one block: the result is a valid file with the message.
    let translated = new.replace(
        "# ↓ translate, then delete this line and the \"# \" marks below (from locales/ru/site.ftl)\n# # Shown under the title.\n# tagline = Международные проекты\n#     колледжей\n",
        "# Shown under the title.\ntagline = საერთაშორისო პროექტები\n",
    );
    assert_ne!(translated, new);
    std::fs::write(&ka, &translated).unwrap();
    parses_cleanly(&translated);
    let (_, out, _) = mosty(&site, &["locales", "sync", "--lang", "ka"]);
    assert!(out.contains("nothing to add"), "{out}");
    let (_, json, _) = mosty(&site, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let missing: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["code"] == "fluent-missing" && p["file"].as_str().unwrap().starts_with("locales/ka")
        })
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert!(
        !missing.iter().any(|m| m.contains("`tagline`")),
        "{missing:?}"
    );
    assert!(
        missing.iter().any(|m| m.contains("`students`")),
        "{missing:?}"
    );
}

#[test]
fn sync_creates_missing_files_and_covers_every_language() {
    let site = sync_site();
    let (code, out, _) = mosty(&site, &["locales", "sync"]);
    assert_eq!(code, 0, "{out}");
    let en = std::fs::read_to_string(site.root().join("locales/en/site.ftl")).unwrap();
    parses_cleanly(&en);
    assert!(en.starts_with("# ↓ translate"), "{en}");
    assert!(
        en.contains("# site-title = { -brand }: сотрудничество\n#     .title = Главная страница"),
        "{en}"
    );
    // All of the source is there, commented out, in order.
    let uncommented: String = en
        .lines()
        .filter(|l| !l.starts_with("# ↓"))
        .map(|l| {
            l.strip_prefix("# ")
                .or_else(|| l.strip_prefix('#'))
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    parses_cleanly(&uncommented);
    assert!(
        uncommented.contains("tagline = Международные проекты\n    колледжей"),
        "{uncommented}"
    );
    // The default language is not a target.
    let (code, _, err) = mosty(&site, &["locales", "sync", "--lang", "ru"]);
    assert_eq!(code, 2, "{err}");
    let before = std::fs::read_to_string(site.root().join("locales/ru/site.ftl")).unwrap();
    assert_eq!(before, SOURCE_FTL);
}

#[test]
fn sync_keeps_crlf_and_a_file_without_a_final_newline() {
    let site = sync_site();
    let ka = site.root().join("locales/ka/site.ftl");
    let crlf = TRANSLATION_FTL.trim_end().replace('\n', "\r\n");
    std::fs::write(&ka, &crlf).unwrap();
    let (code, _, _) = mosty(&site, &["locales", "sync", "--lang", "ka"]);
    assert_eq!(code, 0);
    let new = std::fs::read_to_string(&ka).unwrap();
    assert!(
        !new.replace("\r\n", "").contains('\n'),
        "a bare LF was added:\n{new:?}"
    );
    keeps_every_line(&crlf.replace("\r\n", "\n"), &new.replace("\r\n", "\n"));
    parses_cleanly(&new);
    let (_, out, _) = mosty(&site, &["locales", "sync", "--lang", "ka"]);
    assert!(out.contains("nothing to add"), "{out}");
    assert_eq!(std::fs::read_to_string(&ka).unwrap(), new);
}

#[test]
fn the_coverage_page_shows_the_same_numbers_as_status_json() {
    let site = TestSite::with_theme(SITE);
    mosty(
        &site,
        &["status", "--mark", "content/projects/b/index.ka.md"],
    );
    site.write(
        "content/projects/b/index.ru.md",
        "+++\ntitle = \"Б\"\n+++\nНовый текст Б.\n",
    );
    site.build();
    let (_, out, _) = mosty(&site, &["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let page = site.file("status/index.html");
    for l in v["languages"].as_array().unwrap() {
        let m = &l["messages"];
        let e = &l["entries"];
        let cells = format!("{}/{} ({} %)", m["translated"], m["total"], m["percent"]);
        assert!(page.contains(&cells), "status page lacks {cells}:\n{page}");
        let cells = format!("{}/{} ({} %)", e["translated"], e["total"], e["percent"]);
        assert!(page.contains(&cells), "status page lacks {cells}");
    }
    assert!(
        page.contains("content/projects/b/index.ka.md"),
        "the stale file is listed"
    );
}

#[test]
fn a_stale_translation_is_marked_on_its_page_and_the_coverage_page_can_be_switched_off() {
    let site = TestSite::with_theme(&format!(
        "{SITE}
-- themes/default/templates/page.html --
{{{{ page.title }}}}|stale={{{{ page.is_stale }}}}
"
    ));
    mosty(
        &site,
        &["status", "--mark", "content/projects/b/index.ka.md"],
    );
    site.build();
    site.assert_file("ka/projects/b/index.html", "stale=false");
    site.write(
        "content/projects/b/index.ru.md",
        "+++\ntitle = \"Б\"\n+++\nНовый текст Б.\n",
    );
    site.build();
    site.assert_file("ka/projects/b/index.html", "stale=true");
    site.assert_file("ru/projects/b/index.html", "stale=false");
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("status_page = false\n{toml}"));
    site.build();
    assert!(!site.exists("status/index.html"));
}

#[test]
fn the_default_theme_tells_readers_that_the_original_changed() {
    let site = TestSite::new(SITE);
    let (code, _, err) = mosty(
        &site,
        &["status", "--mark", "content/projects/b/index.ka.md"],
    );
    assert_eq!(code, 0, "{err}");
    site.write(
        "content/projects/b/index.ru.md",
        "+++\ntitle = \"Б\"\n+++\nНовый текст Б.\n",
    );
    site.build();
    let ka = site.file("ka/projects/b/index.html");
    assert!(
        ka.contains("notice-stale") && ka.contains("დედნის წაკითხვა"),
        "{ka}"
    );
    assert!(
        ka.contains("href=\"../../../ru/projects/b/\""),
        "links to the original"
    );
    assert!(
        !site
            .file("ru/projects/b/index.html")
            .contains("notice-stale")
    );
}
