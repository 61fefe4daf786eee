//! `claimcheck ledger ...`.

use anyhow::Result;

use super::Outcome;
use crate::args::LedgerCommand;

pub fn run(cmd: &LedgerCommand) -> Result<Outcome> {
    let _ = cmd;
    Ok(Outcome::Clean)
}
