//! Reading articles: files, directories, standard input.
//!
//! Hostile inputs are expected here (see `docs/robustness.md`): files over
//! `--max-file-size` are refused before they are read, bytes that are not
//! UTF-8 are decoded lossily with a warning, and the directory walk follows
//! symbolic links but never enters a directory twice, so a link loop ends.
//! Files that a `.gitignore` (in the walked directories or above them, up to
//! the git work tree's root) excludes are skipped, as git would.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use claimcheck_core::input::{Document, InputFormat};
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::args::{InputArgs, InputFormatArg};

/// The files to read, in order: as given, directories walked sorted.
pub struct Paths {
    pub paths: Vec<PathBuf>,
    /// A directory could not be walked (reported already).
    pub had_errors: bool,
}

/// List every input named on the command line. Directories that cannot be
/// walked are reported on stderr; the caller exits 2 at the end.
pub fn collect_paths(args: &InputArgs) -> Paths {
    let mut paths = Vec::new();
    let mut had_errors = false;
    for p in &args.files {
        if p.as_os_str() == "-" {
            paths.push(p.clone());
        } else if p.is_dir() {
            let mut walk = Walk {
                out: &mut paths,
                visited: HashSet::new(),
                had_errors: false,
                ignores: ancestor_ignores(p),
            };
            let before = walk.out.len();
            walk.dir(p);
            had_errors |= walk.had_errors;
            if paths.len() == before {
                eprintln!(
                    "claimcheck: warning: {}: no articles found (looked for .txt, .md, .markdown, .html, .htm)",
                    p.display()
                );
            }
        } else {
            paths.push(p.clone());
        }
    }
    Paths { paths, had_errors }
}

/// A document read from disk, with a warning to show in order.
pub struct Loaded {
    pub document: Document,
    /// Set when the bytes were not valid UTF-8.
    pub warning: Option<String>,
}

/// Read one input. The error is the line to print on stderr.
pub fn read_document(path: &Path, args: &InputArgs) -> Result<Loaded, String> {
    let bytes = read_one(path, args.max_file_size).map_err(|e| {
        let help = if e.kind() == std::io::ErrorKind::FileTooLarge {
            "\nhelp: raise the limit with --max-file-size BYTES"
        } else {
            ""
        };
        format!("claimcheck: error: {}: {e}{help}", path.display())
    })?;
    let name = path.display().to_string();
    let (source, warning) = decode(&name, bytes);
    let format = match args.input_format {
        Some(InputFormatArg::Text) => InputFormat::Text,
        Some(InputFormatArg::Markdown) => InputFormat::Markdown,
        Some(InputFormatArg::Html) => InputFormat::Html,
        None => InputFormat::from_path(path),
    };
    Ok(Loaded { document: Document::new(name, source, format), warning })
}

/// The size of an input, for the progress bar (0 for stdin or when unknown).
pub fn size_of(path: &Path) -> u64 {
    if path.as_os_str() == "-" { 0 } else { std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) }
}

/// Read one article, refusing anything over `max` bytes before reading it
/// where the size is known, and after `max + 1` bytes otherwise (stdin, pipes).
fn read_one(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let too_large = |size: Option<u64>| {
        let size = size.map_or_else(String::new, |n| format!(" {n} bytes,"));
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("article is{size} over the limit of {max} bytes"),
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(max.saturating_add(1)).read_to_end(&mut buf)?;
    } else {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory, expected an article file",
            ));
        }
        if meta.len() > max {
            return Err(too_large(Some(meta.len())));
        }
        let hint = usize::try_from(meta.len()).unwrap_or(0);
        buf.reserve_exact(hint);
        file.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    }
    if buf.len() as u64 > max {
        return Err(too_large(None));
    }
    Ok(buf)
}

/// Articles are decoded lossily: a newsroom's mis-encoded file is still worth
/// auditing, but the user learns where the bad bytes are.
fn decode(name: &str, bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let warning =
                format!("claimcheck: warning: {name}: invalid UTF-8 at byte {offset}; decoded lossily");
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(warning))
        }
    }
}

/// A directory walk that collects article files, sorted, skipping hidden
/// entries. Errors on single entries are reported and the walk goes on.
struct Walk<'a> {
    out: &'a mut Vec<PathBuf>,
    /// Canonical paths of the directories entered so far: a symbolic link
    /// back to one of them (a loop) or to a directory already walked is skipped.
    visited: HashSet<PathBuf>,
    had_errors: bool,
    /// The `.gitignore` rules in force, outermost first.
    ignores: Vec<Gitignore>,
}

impl Walk<'_> {
    fn error(&mut self, path: &Path, e: &std::io::Error) {
        eprintln!("claimcheck: error: {}: {e}", path.display());
        self.had_errors = true;
    }

    fn dir(&mut self, dir: &Path) {
        match std::fs::canonicalize(dir) {
            Ok(real) => {
                if !self.visited.insert(real) {
                    eprintln!(
                        "claimcheck: warning: {}: directory already walked (a symbolic link loop, or a second link to it); skipped",
                        dir.display()
                    );
                    return;
                }
            }
            Err(e) => return self.error(dir, &e),
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.error(dir, &e),
        };
        let pushed = match gitignore_in(dir) {
            Some(g) => {
                self.ignores.push(g);
                true
            }
            None => false,
        };
        let mut entries: Vec<_> = entries
            .filter_map(|e| match e {
                Ok(e) => Some(e),
                Err(e) => {
                    self.error(dir, &e);
                    None
                }
            })
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let is_dir = match entry.file_type() {
                // A link is followed to learn what it points at; a dangling
                // link is read below and reported there, if it looks like an article.
                Ok(t) if t.is_symlink() => path.is_dir(),
                Ok(t) => t.is_dir(),
                Err(e) => {
                    self.error(&path, &e);
                    continue;
                }
            };
            if self.ignored(&path, is_dir) {
                continue;
            }
            if is_dir {
                self.dir(&path);
            } else if is_article(&path) {
                self.out.push(path);
            }
        }
        if pushed {
            self.ignores.pop();
        }
    }

    /// Does the innermost `.gitignore` with an opinion exclude `path`?
    fn ignored(&self, path: &Path, is_dir: bool) -> bool {
        for g in self.ignores.iter().rev() {
            match g.matched(path, is_dir) {
                ignore::Match::Ignore(_) => return true,
                ignore::Match::Whitelist(_) => return false,
                ignore::Match::None => {}
            }
        }
        false
    }
}

/// The rules of `dir/.gitignore`, if there is one that parses.
fn gitignore_in(dir: &Path) -> Option<Gitignore> {
    let file = dir.join(".gitignore");
    if !file.is_file() {
        return None;
    }
    let mut builder = GitignoreBuilder::new(dir);
    if let Some(e) = builder.add(&file) {
        eprintln!("claimcheck: warning: {}: {e}", file.display());
    }
    builder.build().ok()
}

/// The `.gitignore` files above `dir`, up to the root of its git work tree,
/// outermost first (the walk adds those inside `dir` as it goes).
fn ancestor_ignores(dir: &Path) -> Vec<Gitignore> {
    let Ok(real) = std::fs::canonicalize(dir) else { return Vec::new() };
    let mut out = Vec::new();
    for ancestor in real.ancestors().skip(1) {
        if let Some(g) = gitignore_in(ancestor) {
            out.push(g);
        }
        if ancestor.join(".git").exists() {
            break;
        }
    }
    out.reverse();
    out
}

fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}
