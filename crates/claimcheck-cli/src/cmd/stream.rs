//! Ordered streaming over many files: workers process files in parallel,
//! results are emitted in input order as soon as a file and every file before
//! it are done.
//!
//! Workers take file indices in order from a shared counter and may run at
//! most `WINDOW_PER_JOB × jobs` files ahead of the oldest file not yet
//! emitted, so memory stays bounded by a few files per thread whatever the
//! size of the archive.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How many finished-but-not-yet-emitted files each thread may hold.
const WINDOW_PER_JOB: usize = 4;

/// Threads to use: `-j N`, else rayon's default (all cores, or `RAYON_NUM_THREADS`).
pub fn jobs(given: Option<u16>) -> usize {
    given.map_or_else(rayon::current_num_threads, usize::from).max(1)
}

/// Run `work` on indices `0..n` with `jobs` threads and hand each result to
/// `emit` in index order. Stops early when `emit` fails (a closed stdout).
pub fn ordered<T, W, E>(n: usize, jobs: usize, progress: &Progress, work: W, mut emit: E) -> Result<()>
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    E: FnMut(T) -> Result<()>,
{
    let window = jobs.saturating_mul(WINDOW_PER_JOB).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("claimcheck-{i}"))
        .build()
        .context("cannot start worker threads")?;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The number of results emitted so far: workers wait on it to stay in the window.
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, T)>(window);
    std::thread::scope(|s| {
        let (next, stop, emitted, work) = (&next, &stop, &emitted, &work);
        s.spawn(move || {
            pool.scope(|ps| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    ps.spawn(move |_| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= n || stop.load(Ordering::Relaxed) {
                                break;
                            }
                            {
                                let (lock, cv) = emitted;
                                let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                                while i >= *done + window && !stop.load(Ordering::Relaxed) {
                                    done = cv.wait(done).unwrap_or_else(|e| e.into_inner());
                                }
                            }
                            if stop.load(Ordering::Relaxed) || tx.send((i, work(i))).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop(tx);
            });
        });
        let result = drain(n, &rx, progress, emitted, &mut emit);
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            emitted.1.notify_all();
        }
        // Dropping the receiver unblocks any worker still sending.
        drop(rx);
        result
    })
}

fn drain<T>(
    n: usize,
    rx: &mpsc::Receiver<(usize, T)>,
    progress: &Progress,
    emitted: &(Mutex<usize>, Condvar),
    emit: &mut impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut pending: BTreeMap<usize, T> = BTreeMap::new();
    let mut expected = 0;
    while expected < n {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok((i, t)) => {
                pending.insert(i, t);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                progress.tick();
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        while let Some(t) = pending.remove(&expected) {
            emit(t)?;
            expected += 1;
            let (lock, cv) = emitted;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = expected;
            cv.notify_all();
        }
    }
    Ok(())
}

/// A progress bar on stderr: only on a terminal, without `--quiet`, and only
/// once the work has taken about a second.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    files: u64,
}

impl Progress {
    /// A bar over `files` files totalling `bytes` bytes.
    pub fn new(files: usize, bytes: u64, quiet: bool) -> Self {
        let enabled = !quiet && std::io::stderr().is_terminal();
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template(
                "{wide_bar} {msg} files, {decimal_bytes}/{decimal_total_bytes}, {decimal_bytes_per_sec}, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(format!("0/{files}"));
            bar
        });
        Progress { bar, started: Instant::now(), shown: AtomicBool::new(false), files: files as u64 }
    }

    /// Show the bar once a second has passed.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar
            && !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= Duration::from_secs(1)
        {
            self.shown.store(true, Ordering::Relaxed);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    /// One more file done, of `bytes` bytes.
    pub fn file_done(&self, done: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{done}/{}", self.files));
        }
        self.tick();
    }

    /// Print a line on stderr without tearing the bar.
    pub fn eprintln(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// What a worker hands back for one file: its size, a warning to show in
/// order, and its result or the error line to print.
pub struct Done<T> {
    pub bytes: u64,
    pub warning: Option<String>,
    pub result: Result<T, String>,
}

/// The bookkeeping every command does as files come back in order.
#[derive(Default)]
pub struct Tally {
    files_done: usize,
    /// Files read and processed: the summary's total.
    pub processed: usize,
    /// A file could not be read or rendered (reported already).
    pub had_errors: bool,
}

impl Tally {
    /// Start counting; `had_errors` carries errors from listing the inputs.
    pub fn new(had_errors: bool) -> Self {
        Tally { had_errors, ..Tally::default() }
    }

    /// Report a file's warning or error in order and advance the progress
    /// bar; the file's result when it was processed.
    pub fn take<T>(&mut self, progress: &Progress, done: Done<T>) -> Option<T> {
        self.files_done += 1;
        if let Some(w) = &done.warning {
            progress.eprintln(w);
        }
        progress.file_done(self.files_done, done.bytes);
        match done.result {
            Err(line) => {
                progress.eprintln(&line);
                self.had_errors = true;
                None
            }
            Ok(x) => {
                self.processed += 1;
                Some(x)
            }
        }
    }
}

/// A later file's CSV without its header line: one header for the whole run.
pub fn without_header(bytes: &[u8]) -> &[u8] {
    let body = bytes.iter().position(|b| *b == b'\n').map_or(bytes.len(), |n| n + 1);
    &bytes[body..]
}
