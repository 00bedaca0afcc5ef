//! The code of a template, found as Tera's lexer finds it (default delimiters, which mosty
//! never changes): each `{{ … }}` and `{% … %}` body, with comments and `{% raw %}` blocks
//! skipped, and the tokens of a body. Tera keeps its own lexer and syntax tree private; the
//! scans built on this one (`refs`, `reads`) only need this much of it.

use std::ops::Range;

/// An expression (`{{ … }}`) or a tag (`{% … %}`): the bytes between its delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub tag: bool,
    pub body: Range<usize>,
}

/// Every expression and tag of a template, in source order.
pub fn regions(text: &str) -> Vec<Region> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = find_start(b, i) {
        let body = at + 2;
        i = match &b[at..body] {
            b"{#" => find(b, body, b"#}").map_or(b.len(), |e| e + 2),
            b"{{" => {
                let (end, after) = body_end(b, body, b"}}");
                out.push(Region {
                    tag: false,
                    body: body..end,
                });
                after
            }
            _ => match raw_block_end(b, body) {
                Some(after) => after,
                None => {
                    let (end, after) = body_end(b, body, b"%}");
                    out.push(Region {
                        tag: true,
                        body: body..end,
                    });
                    after
                }
            },
        };
    }
    out
}

/// A token of template code. String literals keep their text as written, escapes included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    Ident(&'a str),
    Str(&'a str),
    Number,
    Punct(u8),
}

/// The tokens of `text[body]`, whitespace dropped.
pub fn tokens(text: &str, body: Range<usize>) -> Vec<Token<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = body.start;
    while i < body.end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let (_, end) = ident(b, i);
            out.push(Token::Ident(&text[i..end]));
            i = end;
        } else if c.is_ascii_digit() {
            while i < body.end && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_') {
                i += 1;
            }
            out.push(Token::Number);
        } else if matches!(c, b'"' | b'\'' | b'`') {
            // An unclosed string runs to the end of the body, as `body_end` read it.
            let (inner, end) = match string_end(b, i).filter(|&e| e <= body.end) {
                Some(e) => (i + 1..e - 1, e),
                None => (i + 1..body.end, body.end),
            };
            out.push(Token::Str(text.get(inner).unwrap_or("")));
            i = end;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

fn find_start(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .windows(2)
        .position(|w| w == b"{{" || w == b"{%" || w == b"{#")
        .map(|p| from + p)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

pub fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

pub fn ident(b: &[u8], start: usize) -> (&[u8], usize) {
    let mut end = start;
    while b
        .get(end)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        end += 1;
    }
    (&b[start..end], end)
}

/// The end of a string literal opening at `start` (after its closing quote), escapes skipped.
pub fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let quote = *b.get(start)?;
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Where a body starting at `i` ends (its closing delimiter, string literals skipped), and
/// the position after that delimiter; the end of the text for an unclosed one.
fn body_end(b: &[u8], mut i: usize, end: &[u8]) -> (usize, usize) {
    while i < b.len() {
        if b[i..].starts_with(end) {
            return (i, i + end.len());
        }
        i = match b[i] {
            b'"' | b'\'' | b'`' => string_end(b, i).unwrap_or(b.len()),
            _ => i + 1,
        };
    }
    (b.len(), b.len())
}

/// For a tag `{% raw %}` whose body starts at `body`, the position after its `{% endraw %}`.
fn raw_block_end(b: &[u8], body: usize) -> Option<usize> {
    let mut i = tag_named(b, body, b"raw")?;
    while let Some(at) = find(b, i, b"{%") {
        if let Some(end) = tag_named(b, at + 2, b"endraw") {
            return Some(end);
        }
        i = at + 2;
    }
    None
}

/// Whether the tag body at `i` is exactly `name` (with optional whitespace control), and
/// the position after its `%}` if so.
fn tag_named(b: &[u8], i: usize, name: &[u8]) -> Option<usize> {
    let i = skip_ws(b, i + usize::from(b.get(i) == Some(&b'-')));
    if !b.get(i..)?.starts_with(name) {
        return None;
    }
    let i = skip_ws(b, i + name.len());
    let i = i + usize::from(b.get(i) == Some(&b'-'));
    b.get(i..)?.starts_with(b"%}").then_some(i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(text: &str) -> Vec<(bool, &str)> {
        regions(text)
            .into_iter()
            .map(|r| (r.tag, &text[r.body]))
            .collect()
    }

    #[test]
    fn regions_skip_comments_raw_blocks_and_strings() {
        let t =
            r#"a {{ x }} {# {{ no }} #} {% raw %}{{ no }}{% endraw %}{% if "%}" %}b{%- endif -%}"#;
        assert_eq!(
            bodies(t),
            vec![(false, " x "), (true, r#" if "%}" "#), (true, "- endif -")]
        );
    }

    #[test]
    fn an_unclosed_region_runs_to_the_end() {
        assert_eq!(bodies("{{ page.title"), vec![(false, " page.title")]);
        assert_eq!(bodies("{% if \"x"), vec![(true, " if \"x")]);
    }

    #[test]
    fn tokens_of_a_body() {
        let t = r#"{{ page["a\"b"].x | get(key='k') ~ 12.5 }}"#;
        let r = &regions(t)[0];
        assert_eq!(
            tokens(t, r.body.clone()),
            vec![
                Token::Ident("page"),
                Token::Punct(b'['),
                Token::Str(r#"a\"b"#),
                Token::Punct(b']'),
                Token::Punct(b'.'),
                Token::Ident("x"),
                Token::Punct(b'|'),
                Token::Ident("get"),
                Token::Punct(b'('),
                Token::Ident("key"),
                Token::Punct(b'='),
                Token::Str("k"),
                Token::Punct(b')'),
                Token::Punct(b'~'),
                Token::Number,
            ]
        );
    }

    #[test]
    fn an_unclosed_string_token_ends_with_the_body() {
        let t = "{{ 'abc }}";
        let r = &regions(t)[0];
        assert_eq!(tokens(t, r.body.clone()), vec![Token::Str("abc }}")]);
    }
}
