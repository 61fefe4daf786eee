//! claimcheck-core: find checkable claims in news text and audit them against
//! a ledger of sourced facts.
//!
//! The crate never prints and never exits; the `claimcheck` binary does the I/O.
//!
//! ```
//! use claimcheck_core::extract::{Extractor, ExtractOptions};
//! use claimcheck_core::input::{Document, InputFormat};
//!
//! let doc = Document::new("a.txt", "Meta invested $14 billion in Scale AI.", InputFormat::Text);
//! let claims = Extractor::new().extract(&doc, &ExtractOptions::default());
//! assert_eq!(claims[0].text, "$14 billion");
//! assert_eq!(claims[0].value.as_number(), Some(14e9));
//! ```
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod claim;
pub mod crosscheck;
pub mod extract;
pub mod harvest;
pub mod input;
pub mod ledger;
pub mod review;
pub mod span;

pub use claim::{Claim, ClaimKind, ClaimValue, Qualifier};
