//! Print the plain text a front end makes of a file (for eyeballing).
#![allow(clippy::print_stdout, reason = "a command-line tool")]
use claimcheck_core::input::{Document, InputFormat};
fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let doc = Document::new(path.as_str(), source, InputFormat::from_path(path.as_ref()));
        println!("== {path} (published: {:?})\n{}", doc.published(), doc.text());
    }
}
