//! The `claimcheck` binary: parse arguments, run, map the outcome to an exit code.

mod args;
mod cmd;
mod config;
#[allow(dead_code)] // reason: the renderers are being filled in on another branch
mod render;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cmd::run(&cli) {
        Ok(cmd::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::Failed) => ExitCode::from(1),
        Ok(cmd::Outcome::BadInput) => ExitCode::from(2),
        Err(e) if cmd::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimcheck: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
