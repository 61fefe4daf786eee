//! Reading articles: files, directories, standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use claimcheck_core::input::{Document, InputFormat};

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
            if let Err(e) = walk(p, &mut paths) {
                eprintln!("claimcheck: error: {}: {e}", p.display());
                had_errors = true;
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
    let bytes = read_one(path).map_err(|e| format!("claimcheck: error: {}: {e}", path.display()))?;
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

fn read_one(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
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

/// Collect article files under `dir`, sorted, skipping hidden entries.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if is_article(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}
