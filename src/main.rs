//! The `mosty` command: parses arguments, runs the command, prints diagnostics, sets the
//! exit code (0 success, 1 the site has errors, 2 bad command line).

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use mosty::cli::{Cli, Command, ThemeCommand};
use mosty::diagnostic::Diagnostic;
use mosty::pipeline::{self, BuildOptions};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Init(args) => report_written(
            mosty::scaffold::init(&args.dir, &args.languages, args.default_language.as_deref()),
            color,
        ),
        Command::Theme(ThemeCommand::Eject { root }) => {
            report_written(mosty::scaffold::eject_theme(&root), color)
        }
        Command::Serve(args) => mosty::serve::run(&args, color),
        Command::Check(args) => mosty::check::run(&args.root, args.format, args.strict),
        Command::Status(args) => {
            mosty::status::run(&args.root, args.format, args.lang.as_deref(), &args.mark)
        }
        Command::Locales(mosty::cli::LocalesCommand::Sync(args)) => {
            mosty::locales_sync::run(&args.root, args.lang.as_deref())
        }
        Command::New(args) => {
            report_written(mosty::serve::new_entry(&args.root, &args.path), color)
        }
        Command::Build(args) => {
            let options = BuildOptions {
                root: args.root,
                output: args.output,
                base_url: args.base_url,
                drafts: args.drafts,
                portable: args.portable,
                force: args.force,
            };
            match pipeline::build(&options) {
                Ok(built) => {
                    print_all(&built.warnings, color);
                    eprintln!(
                        "built {} pages in {} languages ({} files) into {} in {} ms{}",
                        built.pages,
                        built.languages,
                        built.files,
                        options.output_dir().display(),
                        built.elapsed.as_millis(),
                        warning_count(built.warnings.len()),
                    );
                    let failed = args.strict && !built.warnings.is_empty();
                    if failed {
                        eprintln!("error: --strict: the build has warnings");
                    }
                    // The process ends now; see `Built::site`.
                    std::mem::forget(built.site);
                    ExitCode::from(u8::from(failed))
                }
                Err(diags) => {
                    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
                        diags.0.into_iter().partition(Diagnostic::is_error);
                    print_all(&warnings, color);
                    print_all(&errors, color);
                    eprintln!(
                        "error: the build failed with {} error{}{}; {} was not changed",
                        errors.len(),
                        if errors.len() == 1 { "" } else { "s" },
                        warning_count(warnings.len()),
                        options.output_dir().display()
                    );
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn report_written(result: Result<Vec<std::path::PathBuf>, Diagnostic>, color: bool) -> ExitCode {
    match result {
        Ok(paths) => {
            for p in paths {
                println!("created {}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("{}", d.render(color));
            ExitCode::from(1)
        }
    }
}

fn print_all(diags: &[Diagnostic], color: bool) {
    for d in diags {
        eprintln!("{}\n", d.render(color));
    }
}

fn warning_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " and 1 warning".into(),
        n => format!(" and {n} warnings"),
    }
}
