//! The theme's `static/` and the site's, copied into the output as they are. A site file
//! replaces the theme's of the same name.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::Site;
use crate::diagnostic::Diagnostics;
use crate::output::Sink;
use crate::theme::Bytes;

/// Copies every static file into `sink`; returns how many. Symbolic links in `static/` are
/// warnings, pushed to `diags`.
pub fn copy(site: &Site<'_>, sink: &dyn Sink, diags: &mut Diagnostics) -> usize {
    let files = collect(site, diags);
    let copied = files
        .par_iter()
        .map(|(rel, f)| match f {
            Bytes::Disk(path) => sink.copy(rel, path),
            Bytes::Embedded(bytes) => sink.write(rel, bytes.to_vec()),
        })
        .collect::<Result<Vec<()>, _>>();
    match copied {
        Ok(_) => files.len(),
        Err(d) => {
            diags.push(d);
            0
        }
    }
}

/// The theme's static files, then the site's over them, by output path.
fn collect(site: &Site<'_>, diags: &mut Diagnostics) -> BTreeMap<String, Bytes> {
    let mut files: BTreeMap<String, Bytes> = site.theme.statics.iter().cloned().collect();
    // Symbolic links are skipped like everywhere else, and said so as in content/.
    let (found, problems) = crate::fs::walk(&site.root.join("static"), Path::new("static"));
    diags.extend(problems);
    for f in found {
        files.insert(
            f.rel.to_string_lossy().replace('\\', "/"),
            Bytes::Disk(f.path),
        );
    }
    files
}
