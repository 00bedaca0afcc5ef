//! CLDR plural categories of a language (cardinal numbers), from ICU4X's compiled data, and
//! which of them whole numbers reach: mosty passes counts as integers, so a category only
//! decimals select (Czech `many`, Russian `other`) never shows on a mosty site.

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::lang::Lang;

/// The plural categories of a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    /// Every category the language has, in CLDR order (zero, one, two, few, many, other).
    pub all: Vec<&'static str>,
    /// The ones some whole number selects.
    pub integers: Vec<&'static str>,
}

/// Identifier keys that name plural categories.
pub const NAMES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The categories of `lang`; a language without CLDR data has only `other`.
pub fn categories(lang: &Lang) -> Categories {
    let rules = Locale::try_from_str(lang.as_str())
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal((&l).into()).ok());
    let Some(rules) = rules else {
        return Categories {
            all: vec!["other"],
            integers: vec!["other"],
        };
    };
    let all: Vec<&'static str> = rules.categories().map(name).collect();
    let mut reached = std::collections::BTreeSet::new();
    let samples = (0u64..=1000).chain([10_000, 100_000, 1_000_000, 10_000_000]);
    for n in samples {
        reached.insert(name(rules.category_for(n)));
    }
    let integers = all
        .iter()
        .copied()
        .filter(|c| reached.contains(c))
        .collect();
    Categories { all, integers }
}

/// A few whole numbers `lang` puts in `category` (`few` in ru: 2, 3, 4, 22…), for hints.
pub fn examples(lang: &Lang, category: &str) -> Vec<String> {
    let rules = Locale::try_from_str(lang.as_str())
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal((&l).into()).ok());
    let Some(rules) = rules else {
        return Vec::new();
    };
    let mut found: Vec<String> = (0u64..=1000)
        .filter(|n| name(rules.category_for(*n)) == category)
        .take(4)
        .map(|n| n.to_string())
        .collect();
    if found.len() == 4 {
        found[3] = "…".into();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(code: &str) -> Categories {
        categories(&Lang::parse(code).unwrap())
    }

    #[test]
    fn cldr_categories_of_the_site_languages_and_others() {
        let ru = cats("ru");
        assert_eq!(ru.all, ["one", "few", "many", "other"]);
        assert_eq!(ru.integers, ["one", "few", "many"]);
        let cs = cats("cs");
        assert_eq!(cs.all, ["one", "few", "many", "other"]);
        assert_eq!(cs.integers, ["one", "few", "other"]);
        assert_eq!(cats("ka").all, ["one", "other"]);
        assert_eq!(cats("en").integers, ["one", "other"]);
        assert_eq!(cats("pl").integers, ["one", "few", "many"]);
        assert_eq!(
            cats("ar").integers,
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(cats("ja").all, ["other"]);
        assert_eq!(
            examples(&Lang::parse("ru").unwrap(), "few"),
            ["2", "3", "4", "…"]
        );
    }
}
