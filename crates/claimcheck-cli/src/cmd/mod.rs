//! Glue between the arguments, the core library and the renderers.

mod audit;
mod compare;
mod extract;
mod harvest;
mod input;
mod ledger;
mod stream;
mod track;

use anyhow::Result;

use crate::args::{Cli, Command};

/// How a command ended, short of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ran and found nothing to fail on.
    Clean,
    /// Found what the command fails on (a contradiction, a ledger problem).
    Failed,
    /// Ran on what it could, but some input was unreadable (reported already).
    BadInput,
}

/// Run the parsed command line.
pub fn run(cli: &Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Ledger(cmd) => ledger::run(cmd),
        Command::Compare(args) => compare::run(args),
        Command::Track(args) => track::run(args),
        Command::Harvest(args) => harvest::run(args),
    }
}

/// True when the error is a closed stdout (`claimcheck ... | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The ledger to use: `--ledger`, else `claims/` of the enclosing git work tree.
pub fn ledger_path(given: Option<&std::path::Path>) -> Result<std::path::PathBuf> {
    match given {
        Some(p) => Ok(p.to_path_buf()),
        None => ledger::default_ledger(),
    }
}
