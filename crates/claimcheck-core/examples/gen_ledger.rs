//! Write a ledger of N facts for the scale benchmarks: facts about the
//! companies the generated corpus names (revenue per year, founding dates,
//! investments between them), then filler entities up to N, five facts each,
//! as a large real ledger has many entities with few facts.
//!
//! The companies the corpus names get 36 facts each. A real ledger knows
//! most about the companies the news names most: HEAD (default 0) adds that
//! many more facts to each of them (quarterly revenue, yearly employees and
//! net income, investments in other entities), to measure the audit when the
//! entities in every sentence have thousands of facts.
//!
//! ```text
//! cargo run --release -p claimcheck-core --example gen_ledger -- 100000 target/ledger-100k.csv
//! cargo run --release -p claimcheck-core --example gen_ledger -- 1000000 target/ledger-1m-head.csv 2000
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::io::Write as _;
use std::process::ExitCode;

fn write(n: usize, path: &str, head: usize) -> std::io::Result<usize> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note")?;
    let mut rows = 0usize;
    'companies: for (c, name) in corpus::COMPANIES.iter().enumerate() {
        let slug: String =
            name.to_lowercase().chars().map(|ch| if ch.is_alphanumeric() { ch } else { '-' }).collect();
        let quoted = if name.contains(',') { format!("\"{name}\"") } else { (*name).to_string() };
        if rows >= n {
            break;
        }
        writeln!(
            w,
            "{slug}-founded,{quoted},founded,,{},,,,,preferred,https://example.com/{slug},2025-06-01,",
            1995 + c
        )?;
        rows += 1;
        for year in 1995..=2025 {
            if rows >= n {
                break 'companies;
            }
            writeln!(
                w,
                "{slug}-revenue-{year},{quoted},revenue,,{}00000000,USD,{year},,,preferred,https://example.com/{slug}/{year},2025-06-01,",
                1 + (c * 31 + year) % 999
            )?;
            rows += 1;
        }
        for (o, other) in corpus::COMPANIES.iter().enumerate().filter(|(o, _)| *o != c).take(4) {
            if rows >= n {
                break 'companies;
            }
            writeln!(
                w,
                "{slug}-investment-{o},{quoted},investment,{other},{}00000000,USD,2024,approximately,5%,normal,https://example.com/{slug}/deals,2025-06-01,",
                1 + (c * 7 + o) % 99
            )?;
            rows += 1;
        }
        for k in 0..head {
            if rows >= n {
                break 'companies;
            }
            let (q, value) = (k / 4, 1 + (c * 13 + k) % 997);
            match k % 4 {
                0 if q < 124 => writeln!(
                    w,
                    "{slug}-x{k},{quoted},revenue,,{value}000000,USD,{}-Q{},,,preferred,https://example.com/{slug}/q,2025-06-01,",
                    2025 - q / 4,
                    q % 4 + 1
                )?,
                1 if q < 31 => writeln!(
                    w,
                    "{slug}-x{k},{quoted},employees,,{value}00,employees,{},,,preferred,https://example.com/{slug}/staff,2025-06-01,",
                    2025 - q
                )?,
                2 if q < 31 => writeln!(
                    w,
                    "{slug}-x{k},{quoted},net_income,,{value}00000,USD,{},,,preferred,https://example.com/{slug}/income,2025-06-01,",
                    2025 - q
                )?,
                _ => writeln!(
                    w,
                    "{slug}-x{k},{quoted},investment,Filler {k},{value}00000,USD,{}-{:02}-{:02},approximately,5%,normal,https://example.com/{slug}/deals,2025-06-01,",
                    2000 + k % 25,
                    1 + k % 12,
                    1 + k % 28
                )?,
            }
            rows += 1;
        }
    }
    let attrs = ["revenue", "founded", "employees", "price", "investment"];
    let mut i = 0usize;
    while rows < n {
        let e = i / attrs.len();
        match attrs[i % attrs.len()] {
            "founded" => writeln!(
                w,
                "f{e}-founded,Filler {e},founded,,{},,,,,preferred,https://example.com/f{e},2025-06-01,",
                1950 + e % 70
            )?,
            "investment" => writeln!(
                w,
                "f{e}-investment,Filler {e},investment,Filler {},{}500000,USD,2024,approximately,5%,normal,https://example.com/f{e}/deals,2025-06-01,",
                e + 1,
                e % 997
            )?,
            a => writeln!(
                w,
                "f{e}-{a},Filler {e},{a},,{}00000,USD,2023,,,preferred,https://example.com/f{e}/{a},2025-06-01,",
                e % 9973 + 1
            )?,
        }
        rows += 1;
        i += 1;
    }
    w.flush()?;
    Ok(rows)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(path)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: gen_ledger FACTS OUT.csv [HEAD]");
        return ExitCode::from(2);
    };
    let head = args.get(2).and_then(|h| h.parse::<usize>().ok()).unwrap_or(0);
    match write(n, path, head) {
        Ok(rows) => {
            println!("{path}: {rows} facts");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_ledger: {path}: {e}");
            ExitCode::from(2)
        }
    }
}
