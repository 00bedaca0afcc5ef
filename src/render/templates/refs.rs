//! The `{% include %}` and `{% extends %}` tags of the templates, found in their sources with
//! their positions. Tera refuses a cycle or an unknown target but names neither the file nor
//! the tag, and keeps the spans it knows private; this scan finds them again so that each
//! problem is reported at its tag.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::code;
use crate::diagnostic::{Diagnostic, SourceText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Include,
    Extends,
}

impl Kind {
    fn verb(self) -> &'static str {
        match self {
            Kind::Include => "include",
            Kind::Extends => "extend",
        }
    }
}

/// One tag naming another template; `span` is the string literal holding the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: Kind,
    pub target: String,
    pub span: Range<usize>,
}

/// Every include and extends tag of a template, in source order, skipping comments, raw blocks
/// and string literals as Tera's lexer does.
pub fn scan(text: &str) -> Vec<Reference> {
    let b = text.as_bytes();
    code::regions(text)
        .into_iter()
        .filter(|r| r.tag)
        .filter_map(|r| {
            let start = r.body.start + usize::from(b.get(r.body.start) == Some(&b'-'));
            let (word, after) = code::ident(b, code::skip_ws(b, start));
            let kind = match word {
                b"include" => Kind::Include,
                b"extends" => Kind::Extends,
                _ => return None,
            };
            let (target, span) = string_at(text, code::skip_ws(b, after))?;
            Some(Reference { kind, target, span })
        })
        .collect()
}

/// The template name of a string literal at `start`, unescaped as Tera does, and its span.
fn string_at(text: &str, start: usize) -> Option<(String, Range<usize>)> {
    let b = text.as_bytes();
    if !matches!(b.get(start), Some(b'"' | b'\'' | b'`')) {
        return None;
    }
    let end = code::string_end(b, start)?;
    let raw = text.get(start + 1..end - 1)?;
    let mut name = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        name.push(match (c, c == '\\') {
            (_, true) => match chars.next()? {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                other => other,
            },
            (c, false) => c,
        });
    }
    Some((name, start..end))
}

/// The templates by name, as Tera resolves a reference: the exact name first, then each
/// fallback prefix in order.
struct Graph<'a> {
    sources: Vec<&'a SourceText>,
    refs: Vec<Vec<Reference>>,
    index: HashMap<&'a str, usize>,
    prefixes: &'a [String],
}

impl<'a> Graph<'a> {
    fn new(files: &'a [(String, SourceText)], prefixes: &'a [String]) -> Graph<'a> {
        // A later file of the same name replaces an earlier one, as in Tera.
        let unique: BTreeMap<&str, &SourceText> =
            files.iter().map(|(n, s)| (n.as_str(), s)).collect();
        let names: Vec<&str> = unique.keys().copied().collect();
        Graph {
            index: names.iter().enumerate().map(|(i, n)| (*n, i)).collect(),
            refs: unique.values().map(|s| scan(&s.text)).collect(),
            sources: unique.into_values().collect(),
            prefixes,
        }
    }

    fn resolve(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied().or_else(|| {
            self.prefixes
                .iter()
                .find_map(|p| self.index.get(format!("{p}{name}").as_str()).copied())
        })
    }

    fn shown(&self, node: usize) -> String {
        self.sources[node].path.display().to_string()
    }

    /// The edges of one kind: for each template, (target, index of the reference).
    fn edges(&self, kind: Kind) -> Vec<Vec<(usize, usize)>> {
        self.refs
            .iter()
            .map(|refs| {
                refs.iter()
                    .enumerate()
                    .filter(|(_, r)| r.kind == kind)
                    .filter_map(|(i, r)| Some((self.resolve(&r.target)?, i)))
                    .collect()
            })
            .collect()
    }

    fn unknown_targets(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (node, refs) in self.refs.iter().enumerate() {
            for r in refs.iter().filter(|r| self.resolve(&r.target).is_none()) {
                let d = Diagnostic::error(
                    "template-unknown",
                    format!(
                        "cannot {} `{}`: there is no template of that name",
                        r.kind.verb(),
                        r.target
                    ),
                )
                .at(self.sources[node], r.span.clone())
                .with_hint(
                    "a name is looked up in templates/, then in the theme's templates, then among mosty's built-ins",
                );
                out.push(d);
            }
        }
        out
    }

    fn cycles(&self, kind: Kind) -> Vec<Diagnostic> {
        let edges = self.edges(kind);
        crate::graph::cycles(&edges)
            .into_iter()
            .map(|cycle| {
                let (chain, (node, r)) = (cycle.nodes, cycle.closing);
                let mut names: Vec<String> = chain.iter().map(|&n| self.shown(n)).collect();
                names.push(names[0].clone());
                let message = if chain.len() == 1 {
                    format!(
                        "circular {}: `{}` {}s itself",
                        kind.verb(),
                        names[0],
                        kind.verb()
                    )
                } else {
                    format!(
                        "circular {}: {}",
                        kind.verb(),
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(" → ")
                    )
                };
                Diagnostic::error("template-cycle", message)
                    .at(self.sources[node], self.refs[node][r].span.clone())
            })
            .collect()
    }
}

/// The unknown targets and the include and extends cycles of `files` (template name and
/// source), each at the tag that names the target or closes the cycle.
pub fn check(files: &[(String, SourceText)], prefixes: &[String]) -> Vec<Diagnostic> {
    let graph = Graph::new(files, prefixes);
    let mut out = graph.unknown_targets();
    out.extend(graph.cycles(Kind::Include));
    out.extend(graph.cycles(Kind::Extends));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<(Kind, String, &str)> {
        scan(text)
            .into_iter()
            .map(|r| (r.kind, r.target, &text[r.span]))
            .collect()
    }

    #[test]
    fn finds_tags_with_their_literal() {
        let t = "{% extends 'base.html' %}{%- include \"a.html\" -%}{%include `b\\\".html`%}";
        assert_eq!(
            targets(t),
            vec![
                (Kind::Extends, "base.html".into(), "'base.html'"),
                (Kind::Include, "a.html".into(), "\"a.html\""),
                (Kind::Include, "b\".html".into(), "`b\\\".html`"),
            ]
        );
    }

    #[test]
    fn skips_comments_raw_blocks_and_strings() {
        let t = concat!(
            "{# {% include \"c.html\" %} #}",
            "{% raw %}{% include \"r.html\" %}{%- endraw -%}",
            "{{ \"{% include 'v.html' %}\" }}",
            "{% set x = \"%}{% include 's.html' %}\" %}",
            "{% include \"ok.html\" %}"
        );
        let got: Vec<_> = targets(t).into_iter().map(|(_, n, _)| n).collect();
        assert_eq!(got, vec!["ok.html"]);
    }

    #[test]
    fn unterminated_text_ends_the_scan() {
        for t in [
            "{% include \"a",
            "{# x",
            "{% raw %}x",
            "{{ 'a",
            "{%",
            "{% include",
        ] {
            assert!(scan(t).is_empty(), "{t}");
        }
    }

    fn src(name: &str, text: &str) -> (String, SourceText) {
        (
            name.to_string(),
            SourceText {
                path: format!("templates/{name}").into(),
                text: text.into(),
            },
        )
    }

    #[test]
    fn reports_cycles_at_the_closing_tag_once() {
        let files = vec![
            src("page.html", "{% include \"a.html\" %}"),
            src("a.html", "{% include \"b.html\" %}"),
            src("b.html", "x\n{% include \"a.html\" %}"),
        ];
        let d = check(&files, &[]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position().as_deref(), Some("templates/b.html:2:12"));
        assert!(
            d[0].message.contains("circular include"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn resolves_through_the_fallback_prefixes() {
        let files = vec![
            src("themes/t/templates/base.html", ""),
            src(
                "page.html",
                "{% extends \"base.html\" %}{% include \"nowhere\" %}",
            ),
        ];
        let d = check(&files, &["themes/t/templates/".to_string()]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "template-unknown");
    }
}
