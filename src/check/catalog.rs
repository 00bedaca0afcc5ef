//! Every Fluent file a site's interface is made of, parsed with `fluent_syntax` into a plain
//! model with byte offsets: mosty's own messages, the theme's `locales/<lang>/`, and the
//! site's `locales/<lang>/`, in the layer order `i18n` loads them (a later layer, and a later
//! file of a layer, wins message by message). `check`, `status` and `locales sync` read it.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::fs;
use crate::i18n::too_deep;
use crate::lang::Lang;
use crate::theme::Theme;

/// Where a file comes from, in the order the layers override each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Builtin,
    Theme,
    Site,
}

/// A syntax error: where the parser gave up, and the broken entry.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Range<usize>,
    pub slice: Option<Range<usize>>,
    pub message: String,
}

/// A `$variable`, message or term reference, with the span of its name.
#[derive(Debug, Clone)]
pub struct Reference {
    /// `name`, `other-message` or `-term` (terms keep their dash).
    pub id: String,
    pub attribute: Option<String>,
    pub span: Range<usize>,
}

/// A select expression.
#[derive(Debug, Clone)]
pub struct Select {
    /// The variable selected on, directly or through `NUMBER($x)`.
    pub variable: Option<String>,
    /// The selector is `NUMBER(...)`.
    pub number_fn: bool,
    /// Identifier keys (`one`, `few`, `other`, `agreement`).
    pub keys: Vec<String>,
    /// The select has a key such as `[0]`.
    pub numeric_keys: bool,
    /// The span of the selector's variable name (or of the first key).
    pub span: Range<usize>,
}

/// What a pattern (a value, an attribute) uses, found by walking it entirely.
#[derive(Debug, Clone, Default)]
pub struct PatternInfo {
    pub variables: Vec<Reference>,
    pub messages: Vec<Reference>,
    pub terms: Vec<Reference>,
    pub selects: Vec<Select>,
    /// The first HTML-looking tag or entity in the text.
    pub markup: Option<Range<usize>>,
    /// The pattern, or one of its variants, shows nothing.
    pub empty: bool,
}

impl PatternInfo {
    pub fn variable_names(&self) -> BTreeSet<&str> {
        self.variables.iter().map(|v| v.id.as_str()).collect()
    }
}

/// A message or a term.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The id; a term's id starts with `-`.
    pub id: String,
    pub id_span: Range<usize>,
    /// From the first line of the attached comment (or the id) to the end of the entry's
    /// last line (without the newline).
    pub span: Range<usize>,
    /// The attached comment's lines, if any.
    pub comment: Option<Range<usize>>,
    /// The start of the id's line.
    pub body_start: usize,
    pub value: Option<PatternInfo>,
    pub attributes: Vec<(String, Range<usize>, PatternInfo)>,
}

impl Entry {
    pub fn is_term(&self) -> bool {
        self.id.starts_with('-')
    }

    pub fn attribute(&self, name: &str) -> Option<&PatternInfo> {
        self.attributes
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, p)| p)
    }

    /// The span from the id line to the end (without the attached comment).
    pub fn body_span(&self) -> Range<usize> {
        self.body_start..self.span.end
    }
}

/// A comment that is not attached to an entry (`#`, `##` or `###`).
#[derive(Debug, Clone)]
pub struct Comment {
    pub span: Range<usize>,
    /// The lines without their `# ` marks.
    pub lines: Vec<String>,
}

/// One parsed `.ftl` file.
#[derive(Debug, Clone)]
pub struct FtlFile {
    pub layer: Layer,
    /// The language this file belongs to (its folder name, parsed).
    pub lang: Option<Lang>,
    /// The folder name as written (`en`, `pt-br`).
    pub folder: String,
    pub source: SourceText,
    pub entries: Vec<Entry>,
    pub comments: Vec<Comment>,
    pub errors: Vec<SyntaxError>,
    /// A placeable nested too deep at this offset: the file was not parsed.
    pub too_deep: Option<usize>,
    /// The byte offset of every line's start, so that a position is found without counting
    /// the lines before it (which made reports on large files quadratic).
    line_starts: Vec<usize>,
}

impl FtlFile {
    pub fn parse(layer: Layer, folder: &str, source: SourceText) -> FtlFile {
        let line_starts = std::iter::once(0)
            .chain(source.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut file = FtlFile {
            layer,
            lang: Lang::parse(folder).ok(),
            folder: folder.to_string(),
            source,
            entries: Vec::new(),
            comments: Vec::new(),
            errors: Vec::new(),
            too_deep: None,
            line_starts,
        };
        let text = file.source.text.clone();
        if let Some(pos) = too_deep(&text) {
            file.too_deep = Some(pos);
            return file;
        }
        let resource = match parser::parse(&*text) {
            Ok(r) => r,
            Err((r, errors)) => {
                file.errors = errors
                    .into_iter()
                    .map(|e| SyntaxError {
                        pos: e.pos.clone(),
                        slice: e.slice.clone(),
                        message: e.kind.to_string(),
                    })
                    .collect();
                r
            }
        };
        file.read_body(&text, &resource);
        file
    }

    /// The file's entries' and comments' spans, in order.
    fn read_body(&mut self, text: &str, resource: &ast::Resource<&str>) {
        // Start of every body element, so each one ends where the next begins.
        let mut starts: Vec<usize> = Vec::new();
        for e in &resource.body {
            let start = match e {
                ast::Entry::Message(m) => comment_start(text, m.comment.as_ref())
                    .or_else(|| offset(text, m.id.name).map(|o| line_start(text, o))),
                ast::Entry::Term(t) => comment_start(text, t.comment.as_ref())
                    .or_else(|| offset(text, t.id.name).map(|o| line_start(text, o))),
                ast::Entry::Comment(c)
                | ast::Entry::GroupComment(c)
                | ast::Entry::ResourceComment(c) => comment_start(text, Some(c)),
                ast::Entry::Junk { content } => offset(text, content),
            };
            starts.push(start.unwrap_or(text.len()));
        }
        for (i, e) in resource.body.iter().enumerate() {
            let start = starts[i];
            let next = starts.get(i + 1).copied().unwrap_or(text.len()).max(start);
            let end = trim_blank_end(text, start, next);
            match e {
                ast::Entry::Message(m) => {
                    let id_start = offset(text, m.id.name).unwrap_or(start);
                    let body_start = line_start(text, id_start).max(start);
                    self.entries.push(Entry {
                        id: m.id.name.to_string(),
                        id_span: id_start..id_start + m.id.name.len(),
                        span: start..end,
                        comment: m
                            .comment
                            .as_ref()
                            .map(|_| start..body_start.saturating_sub(1).max(start)),
                        body_start,
                        value: m.value.as_ref().map(|p| pattern_info(text, p)),
                        attributes: m
                            .attributes
                            .iter()
                            .map(|a| {
                                (
                                    a.id.name.to_string(),
                                    span_of(text, a.id.name),
                                    pattern_info(text, &a.value),
                                )
                            })
                            .collect(),
                    });
                }
                ast::Entry::Term(t) => {
                    let id_start = offset(text, t.id.name).unwrap_or(start + 1);
                    let body_start = line_start(text, id_start).max(start);
                    self.entries.push(Entry {
                        id: format!("-{}", t.id.name),
                        id_span: id_start.saturating_sub(1)..id_start + t.id.name.len(),
                        span: start..end,
                        comment: t
                            .comment
                            .as_ref()
                            .map(|_| start..body_start.saturating_sub(1).max(start)),
                        body_start,
                        value: Some(pattern_info(text, &t.value)),
                        attributes: t
                            .attributes
                            .iter()
                            .map(|a| {
                                (
                                    a.id.name.to_string(),
                                    span_of(text, a.id.name),
                                    pattern_info(text, &a.value),
                                )
                            })
                            .collect(),
                    });
                }
                ast::Entry::Comment(c)
                | ast::Entry::GroupComment(c)
                | ast::Entry::ResourceComment(c) => {
                    self.comments.push(Comment {
                        span: start..end,
                        lines: c.content.iter().map(|l| l.to_string()).collect(),
                    });
                }
                ast::Entry::Junk { .. } => {}
            }
        }
    }

    /// 1-based line and character column of a byte offset, as [`crate::diagnostic::line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = &*self.source.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.max(1) - 1];
        (line.max(1), text[start..offset].chars().count() + 1)
    }

    /// The text of a span of this file.
    pub fn text(&self, span: Range<usize>) -> &str {
        &self.source.text[span]
    }

    /// The entry with this id, the last one when it is defined twice.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.id == id)
    }

    /// The file name (`site.ftl`).
    pub fn file_name(&self) -> String {
        self.source
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

/// A definition: which file, which entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefRef {
    pub file: usize,
    pub entry: usize,
}

/// Every Fluent file of a site, by layer.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub default_language: Lang,
    pub languages: Vec<Lang>,
    /// In load order: built-in, theme, site; within a layer, by path.
    pub files: Vec<FtlFile>,
}

impl Catalog {
    /// Reads mosty's messages for the site's languages (and English), the theme's locale
    /// files, and the site's `locales/<lang>/*.ftl`. Unreadable files are returned as
    /// diagnostics; syntax errors stay in the files (see [`FtlFile::errors`]).
    pub fn load(root: &Path, config: &SiteConfig, theme: &Theme) -> (Catalog, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for (code, text) in crate::i18n::BUILTIN {
            let wanted = *code == "en" || config.languages.iter().any(|l| l.as_str() == *code);
            if wanted {
                files.push(FtlFile::parse(
                    Layer::Builtin,
                    code,
                    SourceText {
                        path: format!("<mosty>/{code}.ftl").into(),
                        text: Arc::from(*text),
                    },
                ));
            }
        }
        let mut themed: Vec<&crate::theme::LocaleFile> = theme.locales.iter().collect();
        themed.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        for f in themed {
            files.push(FtlFile::parse(Layer::Theme, &f.lang, f.source.clone()));
        }
        for lang in &config.languages {
            let shown = Path::new("locales").join(lang.as_str());
            let (found, walk_problems) =
                fs::walk(&root.join("locales").join(lang.as_str()), &shown);
            problems.extend(walk_problems.into_iter().filter(|d| d.is_error()));
            for f in found
                .iter()
                .filter(|f| f.rel.extension().is_some_and(|e| e == "ftl"))
            {
                let path = shown.join(&f.rel);
                match fs::read_text(&f.path, &path) {
                    Ok(text) => files.push(FtlFile::parse(
                        Layer::Site,
                        lang.as_str(),
                        SourceText {
                            path,
                            text: Arc::from(text),
                        },
                    )),
                    Err(d) => problems.push(d),
                }
            }
        }
        (
            Catalog {
                default_language: config.default_language.clone(),
                languages: config.languages.clone(),
                files,
            },
            problems,
        )
    }

    /// The files of one language, in load order.
    pub fn files_of<'a>(
        &'a self,
        lang: &'a Lang,
    ) -> impl Iterator<Item = (usize, &'a FtlFile)> + 'a {
        self.files
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.lang.as_ref() == Some(lang))
    }

    /// What `lang` shows for each id: the definition of the last layer (and file) that has it.
    pub fn effective(&self, lang: &Lang) -> BTreeMap<String, DefRef> {
        let mut map = BTreeMap::new();
        for (fi, f) in self.files_of(lang) {
            for (ei, e) in f.entries.iter().enumerate() {
                map.insert(
                    e.id.clone(),
                    DefRef {
                        file: fi,
                        entry: ei,
                    },
                );
            }
        }
        map
    }

    /// The last resort of every chain: mosty's English messages under the theme's English.
    pub fn last_resort(&self) -> BTreeMap<String, DefRef> {
        let mut map = BTreeMap::new();
        for (fi, f) in self.files.iter().enumerate() {
            if f.layer == Layer::Site || f.folder != "en" {
                continue;
            }
            for (ei, e) in f.entries.iter().enumerate() {
                map.insert(
                    e.id.clone(),
                    DefRef {
                        file: fi,
                        entry: ei,
                    },
                );
            }
        }
        map
    }

    /// The message ids a translation is measured against: every message of the default
    /// language and of the English last resort (terms are private to a language).
    pub fn reference(&self) -> BTreeMap<String, DefRef> {
        let mut map: BTreeMap<String, DefRef> = self
            .last_resort()
            .into_iter()
            .filter(|(id, _)| !id.starts_with('-'))
            .collect();
        for (id, d) in self.effective(&self.default_language) {
            if !id.starts_with('-') {
                map.insert(id, d);
            }
        }
        map
    }

    pub fn get(&self, d: DefRef) -> (&FtlFile, &Entry) {
        let f = &self.files[d.file];
        (f, &f.entries[d.entry])
    }

    /// `locales/ru/site.ftl:12` for a definition.
    pub fn position(&self, d: DefRef) -> String {
        let (f, e) = self.get(d);
        let (line, col) = f.line_col(e.id_span.start);
        format!(
            "{}:{line}:{col}",
            crate::diagnostic::display_path(&f.source.path)
        )
    }

    /// Where a language's site file of this name is (or would be).
    pub fn site_path(lang: &Lang, file_name: &str) -> PathBuf {
        Path::new("locales").join(lang.as_str()).join(file_name)
    }
}

/// Byte offset of a slice of `text` inside it.
pub fn offset(text: &str, part: &str) -> Option<usize> {
    let base = text.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    (p >= base && p + part.len() <= base + text.len()).then(|| p - base)
}

fn span_of(text: &str, part: &str) -> Range<usize> {
    offset(text, part).map_or(0..0, |o| o..o + part.len())
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

fn comment_start(text: &str, c: Option<&ast::Comment<&str>>) -> Option<usize> {
    let first = c?.content.first()?;
    offset(text, first).map(|o| line_start(text, o))
}

/// Moves `end` back over trailing blank lines and the final newline.
fn trim_blank_end(text: &str, start: usize, end: usize) -> usize {
    let mut end = end.min(text.len());
    while end > start {
        let s = &text[start..end];
        let trimmed = s.trim_end_matches([' ', '\t', '\r', '\n']);
        if trimmed.len() == s.len() {
            break;
        }
        end = start + trimmed.len();
    }
    end
}

fn pattern_info(text: &str, p: &ast::Pattern<&str>) -> PatternInfo {
    let mut info = PatternInfo::default();
    walk_pattern(text, p, &mut info);
    info
}

fn is_blank_pattern(p: &ast::Pattern<&str>) -> bool {
    p.elements.iter().all(|e| match e {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
        } => value.trim().is_empty(),
        _ => false,
    })
}

fn walk_pattern(text: &str, p: &ast::Pattern<&str>, info: &mut PatternInfo) {
    if is_blank_pattern(p) {
        info.empty = true;
    }
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => {
                if info.markup.is_none()
                    && let Some(r) = find_markup(value)
                    && let Some(o) = offset(text, value)
                {
                    info.markup = Some(o + r.start..o + r.end);
                }
            }
            ast::PatternElement::Placeable { expression } => {
                walk_expression(text, expression, info)
            }
        }
    }
}

fn walk_expression(text: &str, e: &ast::Expression<&str>, info: &mut PatternInfo) {
    match e {
        ast::Expression::Inline(i) => walk_inline(text, i, info),
        ast::Expression::Select { selector, variants } => {
            walk_inline(text, selector, info);
            let (variable, number_fn, span) = match selector {
                ast::InlineExpression::VariableReference { id } => {
                    (Some(id.name.to_string()), false, span_of(text, id.name))
                }
                ast::InlineExpression::FunctionReference { id, arguments }
                    if id.name == "NUMBER" =>
                {
                    match arguments.positional.first() {
                        Some(ast::InlineExpression::VariableReference { id: v }) => {
                            (Some(v.name.to_string()), true, span_of(text, v.name))
                        }
                        _ => (None, true, span_of(text, id.name)),
                    }
                }
                _ => (None, false, 0..0),
            };
            let mut keys = Vec::new();
            let mut numeric_keys = false;
            for v in variants {
                match &v.key {
                    ast::VariantKey::Identifier { name } => keys.push(name.to_string()),
                    ast::VariantKey::NumberLiteral { .. } => numeric_keys = true,
                }
                walk_pattern(text, &v.value, info);
            }
            let span = if span.is_empty() {
                variants
                    .first()
                    .map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => span_of(text, name),
                        ast::VariantKey::NumberLiteral { value } => span_of(text, value),
                    })
                    .unwrap_or(0..0)
            } else {
                span
            };
            info.selects.push(Select {
                variable,
                number_fn,
                keys,
                numeric_keys,
                span,
            });
        }
    }
}

fn walk_inline(text: &str, e: &ast::InlineExpression<&str>, info: &mut PatternInfo) {
    match e {
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(text, a, info);
            }
            for a in &arguments.named {
                walk_inline(text, &a.value, info);
            }
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            info.messages.push(Reference {
                id: id.name.to_string(),
                attribute: attribute.as_ref().map(|a| a.name.to_string()),
                span: span_of(text, id.name),
            })
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            let s = span_of(text, id.name);
            info.terms.push(Reference {
                id: format!("-{}", id.name),
                attribute: attribute.as_ref().map(|a| a.name.to_string()),
                span: s.start.saturating_sub(1)..s.end,
            });
            // A term's arguments are its own parameters, but a `$variable` passed to it is
            // the message's.
            if let Some(args) = arguments {
                for a in &args.positional {
                    walk_inline(text, a, info);
                }
                for a in &args.named {
                    walk_inline(text, &a.value, info);
                }
            }
        }
        ast::InlineExpression::VariableReference { id } => {
            let s = span_of(text, id.name);
            info.variables.push(Reference {
                id: id.name.to_string(),
                attribute: None,
                span: s.start.saturating_sub(1)..s.end,
            });
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(text, expression, info),
    }
}

/// The first `<tag>`, `</tag>`, `<br/>` or `&entity;` in a text, which a message shows as
/// typed because messages are escaped.
pub fn find_markup(s: &str) -> Option<Range<usize>> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let rest = &b[i + 1..];
                let starts_tag = rest.first().is_some_and(|c| c.is_ascii_alphabetic())
                    || (rest.first() == Some(&b'/')
                        && rest.get(1).is_some_and(|c| c.is_ascii_alphabetic()))
                    || rest.first() == Some(&b'!');
                if starts_tag
                    && let Some(close) = s[i..].find('>')
                    && !s[i..i + close].contains('\n')
                {
                    return Some(i..i + close + 1);
                }
            }
            b'&' => {
                let rest = &s[i + 1..];
                let end = rest.find(';');
                if let Some(end) = end
                    && (2..=10).contains(&end)
                {
                    let name = &rest[..end];
                    let named = name.bytes().all(|c| c.is_ascii_alphanumeric())
                        && name.bytes().next().is_some_and(|c| c.is_ascii_alphabetic());
                    let numeric = name.strip_prefix('#').is_some_and(|n| {
                        !n.is_empty()
                            && (n.bytes().all(|c| c.is_ascii_digit())
                                || n.strip_prefix(['x', 'X']).is_some_and(|h| {
                                    !h.is_empty() && h.bytes().all(|c| c.is_ascii_hexdigit())
                                }))
                    });
                    if named || numeric {
                        return Some(i..i + end + 2);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> FtlFile {
        FtlFile::parse(
            Layer::Site,
            "ru",
            SourceText {
                path: "locales/ru/a.ftl".into(),
                text: Arc::from(text),
            },
        )
    }

    #[test]
    fn line_col_matches_the_diagnostics() {
        let text = "a = б\n\nc = дд\n-t = x";
        let f = parse(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                f.line_col(offset),
                crate::diagnostic::line_col(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn entries_have_spans_with_their_comments() {
        let text = "### File\n\n# About a\na = A { $x }\n    .title = T\n\n\n## Group\n-term = T\nb = { $n ->\n    [one] one\n   *[other] { -term } { c.attr }\n}\n";
        let f = parse(text);
        assert!(f.errors.is_empty());
        let a = f.entry("a").unwrap();
        assert_eq!(
            f.text(a.span.clone()),
            "# About a\na = A { $x }\n    .title = T"
        );
        assert_eq!(f.text(a.body_span()), "a = A { $x }\n    .title = T");
        assert_eq!(f.text(a.comment.clone().unwrap()), "# About a");
        assert_eq!(a.attributes[0].0, "title");
        let b = f.entry("b").unwrap();
        assert!(f.text(b.span.clone()).ends_with("{ c.attr }\n}"));
        let v = b.value.as_ref().unwrap();
        assert_eq!(v.selects[0].keys, ["one", "other"]);
        assert_eq!(v.terms[0].id, "-term");
        assert_eq!(f.text(v.terms[0].span.clone()), "-term");
        assert_eq!(v.messages[0].attribute.as_deref(), Some("attr"));
        assert_eq!(f.text(v.variables[0].span.clone()), "$n");
        assert_eq!(f.comments.len(), 2);
        assert_eq!(f.text(f.entry("-term").unwrap().id_span.clone()), "-term");
    }

    #[test]
    fn markup_is_found() {
        assert_eq!(find_markup("a <b>x</b>"), Some(2..5));
        assert_eq!(find_markup("a &amp; b"), Some(2..7));
        assert_eq!(find_markup("a &nbsp;"), Some(2..8));
        assert_eq!(find_markup("1 < 2 and 3 > 2"), None);
        assert_eq!(find_markup("Tom & Jerry; x"), None);
    }

    #[test]
    fn empty_values_and_syntax_errors() {
        let f = parse("a = { \"\" }\nb =\nc = C\n");
        assert!(f.entry("a").unwrap().value.as_ref().unwrap().empty);
        assert_eq!(f.errors.len(), 1);
        assert!(f.entry("c").is_some());
    }
}
