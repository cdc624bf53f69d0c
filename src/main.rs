//! The `tripjournal` program: parses the command line and runs a command; with no command it
//! opens the desktop app on the journal.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use tripjournal::app::{OpenedFiles, looks_like_a_command};
use tripjournal::cli::{Cli, default_journal_path, run};

fn main() -> ExitCode {
    // A bug must still end as one readable line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        eprintln!(
            "error: internal error: {}",
            message.lines().next().unwrap_or("")
        );
    }));

    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                print!("{error}");
                return ExitCode::SUCCESS;
            }
            if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                eprint!("{}", error.render());
                return ExitCode::from(2);
            }
            eprintln!("{}", tripjournal::cli::usage_error_line(&error));
            return ExitCode::from(2);
        }
    };
    let commands: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mixed = cli.command.is_some()
        || cli
            .files
            .iter()
            .any(|file| commands.iter().any(|c| file.as_os_str() == c.as_str()));
    if mixed && let Some(file) = cli.files.first() {
        eprintln!(
            "error: '{}' given with a command; files open only without a command",
            file.display()
        );
        return ExitCode::from(2);
    }
    if cli.command.is_none() {
        if let Some(word) = cli.files.iter().find(|file| looks_like_a_command(file)) {
            eprintln!(
                "error: unrecognized subcommand '{}'; see tripjournal --help",
                word.display()
            );
            return ExitCode::from(2);
        }
        let mut opened = OpenedFiles::sort(&cli.files);
        let journal = match opened
            .journal
            .take()
            .or_else(|| cli.journal.clone())
            .map(Ok)
            .unwrap_or_else(default_journal_path)
        {
            Ok(path) => path,
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(error.exit_code() as u8);
            }
        };
        return match tripjournal::ui::run(journal, opened) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
        };
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line whatever a file name in it contains.
            let message = error.to_string().replace('\n', "\\n").replace('\r', "\\r");
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
