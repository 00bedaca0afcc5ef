//! `serve` rebuilds only the pages an edit can change (`mosty::incremental`). Property: after
//! any sequence of edits, the partial rebuild gives exactly the files of a fresh full build of
//! the same inputs, and fails exactly when the full build fails. The sequences are random but
//! seeded, so a failure names a seed and a step that replay the same way.

use std::collections::BTreeSet;

use mosty::incremental::{Files, Session};

use crate::support::{SITE4, TestSite};

/// Four languages, institutions with a map, projects with events and timelines, a
/// translation marked current (so that a body edit of its original makes it stale), one
/// marked stale from the start, and one unmarked.
const SITE: &str = r#"
-- content/_index.ru.md --
+++
title = "Главная"
+++
Главная страница.
-- content/projects/_index.ru.md --
+++
title = "Проекты"
+++
-- content/partners/_index.ru.md --
+++
title = "Партнёры"
+++
-- content/partners/boskovice/index.ru.md --
+++
title = "Колледж в Босковице"
[location]
lat = 49.49
lon = 16.66
country = "CZ"
city = "Босковице"
+++
Партнёр в Чехии.
-- content/partners/kirovsk/index.ru.md --
+++
title = "Кировский техникум"
[location]
lat = 59.88
lon = 30.99
country = "RU"
+++
-- content/projects/exchange/index.ru.md --
+++
title = "Обмен делегациями"
date = 2014-05-12
home = "kirovsk"
partners = ["boskovice"]
tags = ["exchange"]
[[events]]
date = 2014-05-12
kind = "delegation"
title = "Первая поездка"
[[events]]
date = "2015-09"
kind = "visit"
title = "Ответный визит"
+++
Текст об обмене, см. [конкурс](@/projects/contest).
-- content/projects/exchange/index.en.md --
+++
title = "Delegation exchange"
[[events]]
title = "First trip"
[[events]]
title = "Return visit"
+++
About the exchange.
-- content/projects/exchange/index.cs.md --
+++
title = "Výměna delegací"
translated_from = "000000000000"
+++
O výměně.
-- content/projects/contest/index.ru.md --
+++
title = "Конкурс поваров"
date = 2019-03-01
home = "kirovsk"
partners = ["boskovice"]
+++
Конкурс.
"#;

/// The files a step may touch, and whether each starts out existing.
const MARKDOWN: &[&str] = &[
    "content/_index.ru.md",
    "content/partners/boskovice/index.ru.md",
    "content/partners/kirovsk/index.ru.md",
    "content/projects/exchange/index.ru.md",
    "content/projects/exchange/index.en.md",
    "content/projects/exchange/index.cs.md",
    "content/projects/contest/index.ru.md",
];
const OPTIONAL: &str = "content/projects/contest/index.ka.md";
const LOCALE: &str = "locales/ru/site.ftl";

/// splitmix64: small, seedable, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Splits a file into its frontmatter block (with both `+++` lines) and its body.
fn parts(text: &str) -> (&str, &str) {
    let close = text[3..].find("+++").map_or(text.len(), |i| i + 6);
    text.split_at(close.min(text.len()))
}

/// One random edit; returns the files it touched and a label for failure messages.
fn edit(site: &TestSite, rng: &mut Rng, step: usize) -> (BTreeSet<String>, String) {
    let file = MARKDOWN[rng.below(MARKDOWN.len())];
    let touched = |f: &str| BTreeSet::from([f.to_string()]);
    match rng.below(10) {
        // Body edits, the common case: append, replace, link to an entry that exists or not.
        0..=2 => {
            let text = site.read(file);
            site.write(
                file,
                &format!("{text}\nШаг {step}: ещё одно предложение.\n"),
            );
            (touched(file), format!("append to {file}"))
        }
        3 => {
            let text = site.read(file);
            let (head, _) = parts(&text);
            site.write(
                file,
                &format!("{head}\nНовый текст {step}.\n\n## Раздел {step}\n"),
            );
            (touched(file), format!("replace the body of {file}"))
        }
        4 => {
            let text = site.read(file);
            let target = [
                "@/projects/contest",
                "@/partners/boskovice",
                "@/projects/nowhere",
            ][rng.below(3)];
            site.write(file, &format!("{text}\n[ссылка]({target})\n"));
            (touched(file), format!("link {target} from {file}"))
        }
        5 => {
            // Undo a broken link, so sequences recover from errors.
            let text = site
                .read(file)
                .replace("@/projects/nowhere", "@/projects/contest");
            site.write(file, &text);
            (touched(file), format!("fix links in {file}"))
        }
        // Frontmatter edits: a title, a date.
        6 => {
            let text = site
                .read(file)
                .replacen("title = \"", &format!("title = \"{step} "), 1);
            site.write(file, &text);
            (touched(file), format!("retitle {file}"))
        }
        7 => {
            let text = site.read("content/projects/contest/index.ru.md");
            let date = format!(
                "date = 20{:02}-0{}-1{}",
                10 + step % 10,
                1 + step % 9,
                step % 10
            );
            let text = text
                .lines()
                .map(|l| {
                    if l.starts_with("date = ") {
                        date.as_str()
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            site.write("content/projects/contest/index.ru.md", &format!("{text}\n"));
            (
                touched("content/projects/contest/index.ru.md"),
                "redate contest".into(),
            )
        }
        // A translation appears or goes.
        8 => {
            if site.root().join(OPTIONAL).exists() {
                std::fs::remove_file(site.root().join(OPTIONAL)).unwrap();
                (touched(OPTIONAL), "delete the ka translation".into())
            } else {
                site.write(
                    OPTIONAL,
                    &format!("+++\ntitle = \"კონკურსი {step}\"\n+++\nტექსტი.\n"),
                );
                (touched(OPTIONAL), "add a ka translation".into())
            }
        }
        // An interface message.
        _ => {
            site.write(LOCALE, &format!("site-title = Мосты {step}\n"));
            (touched(LOCALE), "change a message".into())
        }
    }
}

fn full_build(site: &TestSite) -> Result<Files, String> {
    Session::build(&site.options())
        .map(|(_, built)| (*built.files).clone())
        .map_err(|e| crate::support::render(&e))
}

fn first_difference(partial: &Files, full: &Files) -> String {
    let mut keys: BTreeSet<&String> = partial.keys().collect();
    keys.extend(full.keys());
    for k in keys {
        match (partial.get(k), full.get(k)) {
            (Some(a), Some(b)) if a == b => {}
            (a, b) => {
                let show = |x: Option<&bytes::Bytes>| {
                    x.map_or("(absent)".to_string(), |b| {
                        String::from_utf8_lossy(b).into_owned()
                    })
                };
                return format!(
                    "{k}:\n--- partial ---\n{}\n--- full ---\n{}",
                    show(a),
                    show(b)
                );
            }
        }
    }
    "no difference".into()
}

fn run_sequence(seed: u64, steps: usize) -> (usize, usize) {
    let site = TestSite::new(&format!("{SITE4}{SITE}"));
    // Mark the en translation as current, so that editing its original makes it stale.
    let en = site.root().join("content/projects/exchange/index.en.md");
    let (code, _, err) = site.run(&["status", "--mark", en.to_str().unwrap()]);
    assert_eq!(code, 0, "status --mark: {err}");
    let (mut session, _) = match Session::build(&site.options()) {
        Ok((s, b)) => (Some(s), b),
        Err(e) => panic!("the first build failed:\n{}", crate::support::render(&e)),
    };
    let mut rng = Rng(seed);
    let (mut partial_builds, mut failures) = (0, 0);
    for step in 0..steps {
        let (changed, what) = edit(&site, &mut rng, step);
        let (next, result) = match session.take() {
            Some(s) => s.rebuild(&changed),
            None => match Session::build(&site.options()) {
                Ok((s, b)) => (Some(s), Ok(b)),
                Err(e) => (None, Err(e)),
            },
        };
        session = next;
        let full = full_build(&site);
        match (&result, &full) {
            (Ok(partial), Ok(full)) => {
                if partial.written.is_some() {
                    partial_builds += 1;
                }
                assert!(
                    *partial.files == *full,
                    "seed {seed}, step {step} ({what}): the rebuild differs from a full build at {}",
                    first_difference(&partial.files, full)
                );
            }
            (Err(_), Err(_)) => failures += 1,
            (Ok(_), Err(e)) => {
                panic!(
                    "seed {seed}, step {step} ({what}): the rebuild succeeded, a full build fails:\n{e}"
                )
            }
            (Err(e), Ok(_)) => panic!(
                "seed {seed}, step {step} ({what}): the rebuild failed, a full build succeeds:\n{}",
                crate::support::render(e)
            ),
        }
    }
    (partial_builds, failures)
}

#[test]
fn partial_rebuilds_equal_full_builds_over_random_edits() {
    let (mut partial, mut failed) = (0, 0);
    for seed in [1, 2, 3, 0x5eed] {
        let (p, f) = run_sequence(seed, 30);
        partial += p;
        failed += f;
    }
    eprintln!(
        "incremental: {partial} partial rebuilds, {failed} failing steps, all equal to full builds"
    );
    // The sequences must exercise both paths and the error path, or they prove little.
    assert!(partial >= 20, "only {partial} partial rebuilds");
    assert!(failed >= 2, "only {failed} failing steps");
}

#[test]
fn a_body_edit_renders_only_that_entry_and_a_title_edit_everything() {
    let site = TestSite::new(&format!("{SITE4}{SITE}"));
    let (session, first) = Session::build(&site.options()).unwrap();
    assert!(first.written.is_none());
    let file = "content/projects/contest/index.ru.md";
    site.write(file, &format!("{}\nНовая фраза.\n", site.read(file)));
    let (session, result) = session.unwrap_or_rebuild(file);
    let built = result.unwrap();
    let mut written = built.written.clone().expect("a partial rebuild");
    written.sort();
    assert_eq!(
        written,
        [
            "cs/projects/contest/index.html",
            "en/projects/contest/index.html",
            "ka/projects/contest/index.html",
            "ru/projects/contest/index.html",
        ]
    );
    assert!(
        String::from_utf8_lossy(&built.files["ru/projects/contest/index.html"])
            .contains("Новая фраза.")
    );
    site.write(
        file,
        &site
            .read(file)
            .replace("Конкурс поваров", "Конкурс кондитеров"),
    );
    let (_, result) = session.unwrap_or_rebuild(file);
    let built = result.unwrap();
    assert!(built.written.is_none(), "a title edit is a full build");
    assert!(
        String::from_utf8_lossy(&built.files["ru/projects/index.html"])
            .contains("Конкурс кондитеров")
    );
}

trait RebuildOne {
    fn unwrap_or_rebuild(
        self,
        file: &str,
    ) -> (
        Session,
        Result<mosty::incremental::Rebuilt, mosty::diagnostic::Diagnostics>,
    );
}

impl RebuildOne for Session {
    fn unwrap_or_rebuild(
        self,
        file: &str,
    ) -> (
        Session,
        Result<mosty::incremental::Rebuilt, mosty::diagnostic::Diagnostics>,
    ) {
        let (s, r) = self.rebuild(&BTreeSet::from([file.to_string()]));
        (s.expect("a session after a good rebuild"), r)
    }
}
