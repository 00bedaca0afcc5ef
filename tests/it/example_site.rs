//! The repository's own site: built from its real files, every entry in every language.

use std::path::Path;

use mosty::content::EntryKind;
use mosty::output::MemorySink;
use mosty::pipeline::{self, BuildOptions};

fn build() -> (
    pipeline::Loaded,
    std::collections::BTreeMap<String, Vec<u8>>,
) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = match pipeline::load(&BuildOptions::new(root)) {
        Ok(l) => l,
        Err(d) => panic!("{}", crate::support::render(&d)),
    };
    let sink = MemorySink::default();
    let (_, warnings) = pipeline::render_into(&loaded, &sink)
        .unwrap_or_else(|d| panic!("{}", crate::support::render(&d)));
    let unexpected: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        unexpected.is_empty(),
        "the example site builds without warnings: {unexpected:#?}"
    );
    (loaded, sink.into_files())
}

#[test]
fn every_project_and_partner_exists_in_all_four_languages_without_fallback() {
    let (loaded, files) = build();
    let langs = ["ru", "ka", "en", "cs"];
    let mut checked = 0;
    for entry in &loaded.content.entries {
        if entry.kind != EntryKind::Page {
            continue;
        }
        for lang in langs {
            assert!(
                entry.sources.keys().any(|l| l.as_str() == lang),
                "{} has no {lang} translation",
                entry.key
            );
            let path = format!(
                "{lang}/{}index.html",
                entry
                    .paths
                    .iter()
                    .find(|(l, _)| l.as_str() == lang)
                    .unwrap()
                    .1
            );
            assert!(files.contains_key(&path), "{path} missing");
            checked += 1;
        }
    }
    assert!(checked >= 4 * 12, "only {checked} pages checked");
}

fn page(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn key_facts_of_the_sources_are_on_the_pages_in_every_language() {
    let (_, files) = build();
    for lang in ["ru", "ka", "en", "cs"] {
        let kb = page(
            &files,
            &format!("{lang}/projects/kirovsk-boskovice/index.html"),
        );
        assert!(
            kb.contains("2014") && kb.contains("WorldSkills"),
            "{lang}: kirovsk-boskovice"
        );
        let kp = page(
            &files,
            &format!("{lang}/projects/kutaisi-poznan/index.html"),
        );
        for fact in ["2012", "2017", "20", "10"] {
            assert!(kp.contains(fact), "{lang}: kutaisi-poznan lacks {fact}");
        }
        let bs = page(
            &files,
            &format!("{lang}/projects/blagoveshchensk-shcherbakty/index.html"),
        );
        assert!(
            bs.contains("13") && bs.contains("2020"),
            "{lang}: blagoveshchensk-shcherbakty"
        );
        let sp = page(
            &files,
            &format!("{lang}/projects/spbpu-kazakhstan/index.html"),
        );
        assert!(sp.contains("2024"), "{lang}: spbpu-kazakhstan");
    }
}

#[test]
fn the_timeline_holds_every_dated_item_from_2012_to_2024() {
    let (loaded, files) = build();
    let ru = mosty::lang::Lang::parse("ru").unwrap();
    let items = mosty::timeline::build(&loaded.content, &loaded.config, &ru);
    let events: usize = loaded
        .content
        .entries
        .iter()
        .filter_map(|e| e.sources.get(&ru))
        .map(|s| s.front.events.len())
        .sum();
    assert_eq!(
        items.iter().filter(|i| i.milestone.is_none()).count(),
        events
    );
    assert_eq!(items.first().map(|i| i.year), Some(2012));
    assert_eq!(items.last().map(|i| i.year), Some(2024));
    for lang in ["ru", "ka", "en", "cs"] {
        let html = page(&files, &format!("{lang}/timeline/index.html"));
        for item in &items {
            assert!(
                html.contains(&format!("id=\"{}\"", item.id)),
                "{lang} timeline lacks {}",
                item.id
            );
        }
    }
}
