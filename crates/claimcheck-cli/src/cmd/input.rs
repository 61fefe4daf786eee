//! Reading articles: files, directories, standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use claimcheck_core::input::{Document, InputFormat};

use crate::args::{InputArgs, InputFormatArg};

/// The documents that could be read, and whether any could not.
pub struct Inputs {
    pub documents: Vec<Document>,
    pub had_errors: bool,
}

/// Read every input named on the command line. Unreadable inputs are reported
/// on stderr and skipped; the caller exits 2 at the end.
pub fn read_inputs(args: &InputArgs) -> Inputs {
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
    let mut documents = Vec::with_capacity(paths.len());
    for path in paths {
        match read_one(&path) {
            Ok(bytes) => {
                let name = path.display().to_string();
                let source = decode(&name, bytes);
                let format = match args.input_format {
                    Some(InputFormatArg::Text) => InputFormat::Text,
                    Some(InputFormatArg::Markdown) => InputFormat::Markdown,
                    Some(InputFormatArg::Html) => InputFormat::Html,
                    None => InputFormat::from_path(&path),
                };
                documents.push(Document::new(name, source, format));
            }
            Err(e) => {
                eprintln!("claimcheck: error: {}: {e}", path.display());
                had_errors = true;
            }
        }
    }
    Inputs { documents, had_errors }
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
fn decode(name: &str, bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            eprintln!("claimcheck: warning: {name}: invalid UTF-8 at byte {offset}; decoded lossily");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
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
