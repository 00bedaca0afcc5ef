//! Which of an entry page's costly fields the templates can read at all. `page.related` copies
//! the summary of every entry that names an institution, `page.timeline` gathers every item
//! it took part in, and `page.map` draws an SVG; a theme that never reads them should not pay
//! for them (a 10,000-entry site spent a tenth of its rendering on `related` alone).
//!
//! The scan is conservative: a field counts as read unless every use of the `page` variable
//! in every template is a plain look-up of another field (`page.title`, `page["title"]`). Any
//! other use (`page | json_encode`, `{% set p = page %}`, `page[name]`, a macro argument, a
//! `for` loop over it, `__tera_context`) may reach any field, so then all are made. A theme
//! can thus only ever lose time to the scan, never a field.

use super::code::{self, Token};

/// For each costly field of an entry page, whether some template may read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageReads {
    pub related: bool,
    pub timeline: bool,
    pub map: bool,
}

impl PageReads {
    pub const ALL: PageReads = PageReads {
        related: true,
        timeline: true,
        map: true,
    };

    const NONE: PageReads = PageReads {
        related: false,
        timeline: false,
        map: false,
    };

    /// What the templates with these sources may read of a page.
    pub fn scan<'a>(sources: impl IntoIterator<Item = &'a str>) -> PageReads {
        let mut reads = PageReads::NONE;
        for text in sources {
            for region in code::regions(text) {
                let tokens = code::tokens(text, region.body);
                if !reads.add(&tokens) {
                    return PageReads::ALL;
                }
            }
        }
        reads
    }

    /// Marks the fields these tokens look up on `page`; false when they use `page` (or the
    /// whole context) in a way that may reach any field.
    fn add(&mut self, tokens: &[Token<'_>]) -> bool {
        for (i, token) in tokens.iter().enumerate() {
            match *token {
                Token::Ident("__tera_context") => return false,
                // `x.page` is a field of something else, not the page.
                Token::Ident("page") if i == 0 || tokens[i - 1] != Token::Punct(b'.') => {
                    let field = match (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3)) {
                        (Some(Token::Punct(b'.')), Some(Token::Ident(f)), _) => *f,
                        // Escapes could spell any name; a plain literal is the name itself.
                        (
                            Some(Token::Punct(b'[')),
                            Some(Token::Str(f)),
                            Some(Token::Punct(b']')),
                        ) if !f.contains('\\') => *f,
                        _ => return false,
                    };
                    self.mark(field);
                }
                _ => {}
            }
        }
        true
    }

    fn mark(&mut self, field: &str) {
        match field {
            "related" => self.related = true,
            "timeline" => self.timeline = true,
            "map" => self.map = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(templates: &[&str]) -> PageReads {
        PageReads::scan(templates.iter().copied())
    }

    #[test]
    fn plain_look_ups_of_other_fields_read_none_of_them() {
        let theme = [
            r#"{% extends "base.html" %}{% block main %}<h1>{{ page.title }}</h1>
{% for p in page.pages %}<a href="{{ p.url }}">{{ p.title }}</a>{% endfor %}
{{ page["content"] | safe }} {{ t(key="timeline") }} {{ site.pages["partners/x"].map }}{% endblock %}"#,
            "<p>The related projects and their timeline on a map</p>{# page.related #}",
            "{% raw %}{{ page | json_encode }}{% endraw %}",
        ];
        assert_eq!(
            reads(&theme),
            PageReads {
                related: false,
                timeline: false,
                map: false
            }
        );
    }

    #[test]
    fn each_field_looked_up_is_read() {
        assert_eq!(
            reads(&["{% for r in page.related %}{{ r.role }}{% endfor %}"]),
            PageReads {
                related: true,
                timeline: false,
                map: false
            }
        );
        assert_eq!(
            reads(&[
                r#"{{ page [ "map" ] | safe }}"#,
                "{% if page.timeline %}{% endif %}"
            ]),
            PageReads {
                related: false,
                timeline: true,
                map: true
            }
        );
    }

    #[test]
    fn any_other_use_of_page_may_read_every_field() {
        for t in [
            "{{ page | json_encode }}",
            "{% set p = page %}{{ p.title }}",
            "{% for k, v in page %}{{ k }}{% endfor %}",
            "{{ page[name] }}",
            r#"{{ page["rel\u{61}ted"] }}"#,
            "{{ macros::card(page=page) }}",
            "{% macro card(page) %}{{ page.title }}{% endmacro %}",
            "{{ page }}",
            "{{ page.title }} {{ __tera_context }}",
            "{{ page",
        ] {
            assert_eq!(reads(&[t]), PageReads::ALL, "{t}");
        }
    }

    #[test]
    fn a_field_named_page_of_another_value_is_not_the_page() {
        assert_eq!(
            reads(&["{{ paginator.page }} {{ item.page | length }}"]),
            PageReads {
                related: false,
                timeline: false,
                map: false
            }
        );
    }
}
