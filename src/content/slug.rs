//! URL path segments from file names and `slug` values: ASCII names stay as written, other
//! names are transliterated (Cyrillic, Georgian, Czech) into readable ASCII, and nothing can
//! leave the output folder.

/// The longest name most file systems accept (ext4, APFS, NTFS: 255 bytes or units).
pub const MAX_SEGMENT_BYTES: usize = 255;

/// A safe path segment for a file or folder name.
pub fn from_name(name: &str) -> Result<String, String> {
    let slug = if is_plain(name) {
        name.to_string()
    } else {
        transliterate(name)
    };
    if slug.is_empty() {
        Err(format!(
            "`{name}` gives an empty URL segment; rename it or set `slug`"
        ))
    } else if slug.len() > MAX_SEGMENT_BYTES {
        Err(too_long(&slug))
    } else {
        Ok(slug)
    }
}

/// Transliteration can make a name several times longer (`щ` → `shch`), so a name the file
/// system held can give a segment it cannot: refused here, before anything is written.
fn too_long(slug: &str) -> String {
    let shown: String = slug.chars().take(40).collect();
    format!(
        "the URL segment `{shown}…` is {} bytes long; a file name may have at most {MAX_SEGMENT_BYTES}",
        slug.len()
    )
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
    fn segments_fit_in_a_file_name() {
        assert!(from_frontmatter(&"x".repeat(MAX_SEGMENT_BYTES)).is_ok());
        assert!(from_frontmatter(&"x".repeat(MAX_SEGMENT_BYTES + 1)).is_err());
        // 120 letters, 240 bytes of UTF-8, 480 bytes transliterated.
        assert!(from_name(&"щ".repeat(120)).is_err());
    }

    #[test]
    fn frontmatter_slugs_never_escape() {
        for bad in ["../../x", "a/b", "..", ".hidden", "a\\b", "C:x", "/etc"] {
            assert!(from_frontmatter(bad).is_err(), "{bad}");
        }
        assert_eq!(from_frontmatter("Moje zpráva").unwrap(), "moje-zprava");
    }
}
