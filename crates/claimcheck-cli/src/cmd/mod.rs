//! Glue between the arguments, the core library and the renderers.

mod audit;
mod extract;
mod input;
mod ledger;
mod stream;

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
    }
}

/// True when the error is a closed stdout (`claimcheck ... | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The ledger to audit against: `--ledger`, else `claims/` of the enclosing git work tree.
pub fn ledger_path(given: Option<&std::path::Path>) -> Result<std::path::PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    let cwd = std::env::current_dir()?;
    claimcheck_core::ledger::find_default_ledger(&cwd).ok_or_else(|| {
        anyhow::anyhow!(
            "no ledger found: no `claims/` folder in the enclosing git work tree\nhelp: pass --ledger PATH"
        )
    })
}
