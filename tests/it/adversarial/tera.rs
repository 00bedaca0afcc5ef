//! Tera (reliability.md R106): self-including templates, mutual includes, self- and mutual
//! extends, infinite component recursion, deep nesting; each detected and refused with the
//! template's name, never a process abort. The site's `templates/` override the built-in theme.

use super::Fx;

/// Builds the good fixture, adds the templates of `txtar`, expects CLEAN-FAIL naming `at`.
fn refused(txtar: &str, at: &str) -> super::Run {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write_all(txtar);
    fx.fail(&["build"], at)
}

#[test]
fn t01_self_include() {
    let r = refused(
        "-- templates/page.html --\nx{% include \"page.html\" %}\n",
        "templates/page.html",
    );
    assert!(r.stderr.to_lowercase().contains("circular"), "{}", r.show());
}

#[test]
fn t02_mutual_include() {
    refused(
        "-- templates/page.html --\n{% include \"a.html\" %}\n-- templates/a.html --\na{% include \"b.html\" %}\n-- templates/b.html --\nb{% include \"a.html\" %}\n",
        "templates/",
    );
}

#[test]
fn t02_include_cycle_of_three_through_a_section() {
    refused(
        "-- templates/section.html --\n{% include \"a.html\" %}\n-- templates/a.html --\n{% include \"b.html\" %}\n-- templates/b.html --\n{% include \"c.html\" %}\n-- templates/c.html --\n{% include \"a.html\" %}\n",
        "templates/",
    );
}

#[test]
fn t03_self_extends() {
    let r = refused(
        "-- templates/page.html --\n{% extends \"page.html\" %}\n",
        "templates/page.html",
    );
    assert!(r.stderr.to_lowercase().contains("circular"), "{}", r.show());
}

#[test]
fn t03_mutual_extends() {
    refused(
        "-- templates/page.html --\n{% extends \"a.html\" %}\n-- templates/a.html --\n{% extends \"b.html\" %}\n-- templates/b.html --\n{% extends \"a.html\" %}\n",
        "templates/",
    );
}

#[test]
fn t04_infinite_component_recursion() {
    refused(
        "-- templates/rec.html --\n{% component rec(n) %}{{ <rec n={n} /> }}{% endcomponent rec %}\n-- templates/page.html --\n{{ <rec n=1 /> }}\n",
        "templates/",
    );
}

#[test]
fn t04_mutual_component_recursion() {
    refused(
        "-- templates/rec.html --\n{% component ping(n) %}{{ <pong n={n} /> }}{% endcomponent ping %}\n{% component pong(n) %}{{ <ping n={n} /> }}{% endcomponent pong %}\n-- templates/page.html --\n{{ <ping n=1 /> }}\n",
        "templates/",
    );
}

#[test]
fn t05_deeply_nested_ifs() {
    let text = format!(
        "-- templates/page.html --\n{}x{}\n",
        "{% if true %}".repeat(5000),
        "{% endif %}".repeat(5000)
    );
    refused(&text, "templates/page.html:1:");
}

#[test]
fn t05_deeply_nested_parentheses() {
    let text = format!(
        "-- templates/page.html --\n{{{{ {}1{} }}}}\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    refused(&text, "templates/page.html:1:");
}

#[test]
fn t05_deeply_nested_arrays() {
    let text = format!(
        "-- templates/page.html --\n{{{{ {}1{} }}}}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    refused(&text, "templates/page.html:1:");
}

#[test]
fn t06_syntax_error_names_line_and_column() {
    refused(
        "-- templates/page.html --\n<p>\n{{ page.title \n",
        "templates/page.html:2:",
    );
}

#[test]
fn t06_render_error_names_the_template() {
    refused(
        "-- templates/projects/page.html --\n<p>\n{{ page.nope.x }}\n",
        "templates/projects/page.html:2:",
    );
}

#[test]
fn t07_include_outside_the_templates() {
    let r = refused(
        "-- templates/page.html --\n{% include \"../../../../../../etc/passwd\" %}\n",
        "templates/page.html",
    );
    assert!(!r.stderr.contains("root:x:0:0"));
}

#[test]
fn t07_include_of_a_missing_template() {
    refused(
        "-- templates/page.html --\nx\n{% include \"nowhere.html\" %}\n",
        "templates/page.html:2:",
    );
}

#[test]
fn t08_huge_template_builds() {
    let fx = Fx::new("");
    fx.write(
        "templates/page.html",
        &format!(
            "{}{{{{ page.title }}}}\n",
            "<p>filler</p>\n".repeat(150_000)
        ),
    );
    fx.build_ok();
}

#[test]
fn t08_invalid_utf8_template() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write_bytes("templates/page.html", b"<p>\n\xC3\x28\n");
    fx.fail(&["build"], "templates/page.html:2:");
}

#[test]
fn t08_self_include_in_a_theme_folder() {
    let fx = Fx::new("");
    let r = fx.mosty(&["theme", "eject"]);
    assert_eq!(r.code, Some(0), "{}", r.show());
    fx.build_ok();
    fx.write(
        "themes/default/templates/page.html",
        "{% include \"page.html\" %}\n",
    );
    fx.fail(&["build"], "themes/default/templates/page.html");
}
