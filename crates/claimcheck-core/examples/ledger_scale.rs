//! Measure `ledger check` and `Ledger::load` on a large generated ledger.
//!
//! ```text
//! cargo run --release -p claimcheck-core --example ledger_scale -- gen /tmp/big.csv 1000000
//! cargo run --release -p claimcheck-core --example ledger_scale -- check /tmp/big.csv
//! cargo run --release -p claimcheck-core --example ledger_scale -- load /tmp/big.csv
//! ```
//! Each measuring run prints rows/s and peak memory (VmHWM) against the file size.
#![allow(clippy::print_stdout)] // reason: an example reports to the terminal

use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use claimcheck_core::ledger::{Ledger, check};

/// Write a ledger of `n` facts.
pub fn generate(path: &Path, n: usize) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note")?;
    let attrs = ["revenue", "founded", "price", "employees", "investment"];
    for i in 0..n {
        let e = i / 5;
        match attrs[i % 5] {
            "founded" => writeln!(
                w,
                "e{e}-founded,Entity {e},founded,,{},,,,,preferred,https://example.com/e{e},2025-06-01,",
                1950 + e % 70
            )?,
            "price" => writeln!(
                w,
                "e{e}-price,Entity {e},price,,10..{},USD,2025,,,preferred,https://example.com/e{e}/pricing,2025-06-01,per month",
                20 + e % 100
            )?,
            "investment" => writeln!(
                w,
                "e{e}-investment,Entity {e},investment,Entity {},{}500000,USD,2024-Q{},approximately,5%,normal,\"Press release, 2024\",,",
                e + 1,
                e % 997,
                1 + e % 4
            )?,
            a => writeln!(
                w,
                "e{e}-{a},Entity {e},{a},,{}00000,USD,2023,,,preferred,https://example.com/e{e}/report-2023,2025-06-01,",
                e % 9973 + 1
            )?,
        }
    }
    w.flush()
}

fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (
        args.get(1).map_or("check", String::as_str),
        Path::new(args.get(2).map_or("big.csv", String::as_str)),
    );
    if mode == "gen" {
        let n = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
        generate(path, n)?;
        println!("wrote {n} facts to {}", path.display());
        return Ok(());
    }
    let size = std::fs::metadata(path)?.len();
    let start = Instant::now();
    let rows = if mode == "load" {
        Ledger::load(path)?.facts.len()
    } else {
        let opts = check::CheckOptions {
            stale_after: Some(365),
            today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
        };
        let report = check::check(path, &opts)?;
        println!("{} errors, {} warnings", report.errors(), report.warnings());
        report.facts
    };
    let secs = start.elapsed().as_secs_f64();
    let peak = vm_hwm_kib() * 1024;
    println!(
        "{mode}: {rows} facts, {:.1} MB file, {secs:.2} s, {:.0} rows/s, peak RSS {:.1} MB ({:.2}x file size)",
        size as f64 / 1e6,
        rows as f64 / secs,
        peak as f64 / 1e6,
        peak as f64 / size as f64
    );
    Ok(())
}
