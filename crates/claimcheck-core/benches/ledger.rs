//! Ledger load + check throughput on generated ledgers of N facts.
//!
//! Keep runs short on shared machines:
//! `cargo bench -p claimcheck-core --bench ledger -- --warm-up-time 1 --measurement-time 2`.

use std::io::Write as _;

use claimcheck_core::ledger::{Ledger, check};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn write_ledger(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("facts-{n}.csv"));
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    writeln!(w, "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note")
        .expect("write");
    for i in 0..n {
        writeln!(
            w,
            "e{i}-revenue,Entity {i},revenue,,{}00000,USD,2023,approximately,5%,preferred,https://example.com/e{i},2025-06-01,",
            i % 9973 + 1
        )
        .expect("write");
    }
    w.flush().expect("flush");
    path
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let opts = check::CheckOptions {
        stale_after: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
    };
    let mut g = c.benchmark_group("ledger");
    for n in [1_000, 100_000] {
        let path = write_ledger(dir.path(), n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("check", n), &path, |b, p| {
            b.iter(|| check::check(p, &opts).expect("checks"));
        });
        g.bench_with_input(BenchmarkId::new("load", n), &path, |b, p| {
            b.iter(|| Ledger::load(p).expect("loads"));
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
