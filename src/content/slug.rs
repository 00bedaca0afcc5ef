//! URL path segments from file names and `slug` values: ASCII names stay as written, other
//! names are transliterated (Cyrillic, Georgian, Czech) into readable ASCII, and nothing can
//! leave the output folder.

/// A safe path segment for a file or folder name.
pub fn from_name(name: &str) -> Result<String, String> {
    if is_plain(name) {
        return Ok(name.to_string());
    }
    let slug = transliterate(name);
    if slug.is_empty() {
        Err(format!(
            "`{name}` gives an empty URL segment; rename it or set `slug`"
        ))
    } else {
        Ok(slug)
    }
}

/// A `slug` value from frontmatter: one segment, never `..` or a path.
pub fn from_frontmatter(value: &str) -> Result<String, String> {
    let v = value.trim();
    if v.contains(['/', '\\']) || v == "." || v == ".." || v.starts_with('.') || v.contains(':') {
        return Err(format!(
            "slug `{value}` must be a single path segment; it may not contain `/`, `\\`, `:` or start with `.`"
        ));
    }
    if v.chars().any(char::is_control) {
        return Err(format!(
            "slug `{}` contains a control character",
            value.escape_debug()
        ));
    }
    from_name(v)
}

fn is_plain(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(['.', '-'])
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !name.ends_with('.')
}

/// A name in composed Unicode (NFC). macOS writes file names decomposed (NFD: `й` as `и` and a
/// combining breve); one name must give one entry key and one URL whatever form it is stored in.
pub fn nfc(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect()
}

/// `Сотрудничество с Босковице` → `sotrudnichestvo-s-boskovitse`,
/// `თანამშრომლობა` → `tanamshromloba`, `Spolupráce` → `spoluprace`.
pub fn transliterate(text: &str) -> String {
    // any_ascii marks Georgian ejectives with apostrophes; dropping them keeps words whole.
    let ascii = any_ascii::any_ascii(&nfc(text)).replace(['\'', '`'], "");
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(from_name("boskovice-2014").unwrap(), "boskovice-2014");
        assert_eq!(from_name("Отчёт о визите").unwrap(), "otchet-o-vizite");
        assert_eq!(
            from_name("თანამშრომლობა ქუთაისთან").unwrap(),
            "tanamshromloba-kutaistan"
        );
        assert_eq!(
            from_name("Spolupráce s Boskovicemi").unwrap(),
            "spoluprace-s-boskovicemi"
        );
        assert!(from_name("—").is_err());
    }

    #[test]
    fn decomposed_names_give_the_composed_slug() {
        let (composed, decomposed) = ("\u{439}\u{43e}\u{434}", "\u{438}\u{306}\u{43e}\u{434}");
        assert_eq!(nfc(decomposed), composed);
        assert_eq!(from_name(decomposed).unwrap(), "yod");
        assert_eq!(from_name(composed).unwrap(), "yod");
    }

    #[test]
    fn frontmatter_slugs_never_escape() {
        for bad in ["../../x", "a/b", "..", ".hidden", "a\\b", "C:x", "/etc"] {
            assert!(from_frontmatter(bad).is_err(), "{bad}");
        }
        assert_eq!(from_frontmatter("Moje zpráva").unwrap(), "moje-zprava");
    }
}
