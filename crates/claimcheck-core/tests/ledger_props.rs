//! Property tests: `ledger fmt` is idempotent and lossless.

use std::collections::HashSet;
use std::path::Path;

use claimcheck_core::ledger::fmt::format_text;
use claimcheck_core::ledger::read::parse_table;
use proptest::prelude::*;

const COLS: [&str; 13] = [
    "id",
    "entity",
    "attribute",
    "object",
    "value",
    "unit",
    "period",
    "qualifier",
    "tolerance",
    "rank",
    "source",
    "as_of",
    "note",
];

fn text_cell() -> impl Strategy<Value = String> {
    // Commas, quotes, newlines, CRLF, non-ASCII; no surrounding spaces (fmt trims them).
    prop_oneof![
        Just(String::new()),
        "[A-Za-z][A-Za-z ,\"é€中]{0,12}[A-Za-z]",
        Just("multi\nline, \"quoted\"".to_owned()),
        Just("crlf\r\ninside".to_owned()),
    ]
}

fn row(i: usize) -> impl Strategy<Value = Vec<String>> {
    (
        text_cell(),
        "[a-z_]{1,8}",
        text_cell(),
        prop_oneof![
            Just("14300000000"),
            Just("2021"),
            Just("2025-06-11"),
            Just("10..120"),
            Just("0.5"),
            Just("-3")
        ],
        prop_oneof![Just(""), Just("USD"), Just("employees")],
        prop_oneof![Just(""), Just("2023"), Just("2023-Q4"), Just("FY2016")],
        prop_oneof![Just(""), Just("approximately"), Just("at_least")],
        prop_oneof![Just(""), Just("5%")],
        prop_oneof![Just(""), Just("preferred"), Just("disputed"), Just("deprecated")],
        text_cell(),
        text_cell(),
    )
        .prop_map(
            move |(
                entity,
                attribute,
                object,
                value,
                unit,
                period,
                qualifier,
                tolerance,
                rank,
                source,
                note,
            )| {
                // Dates take no unit; keep the generated rows meaningful.
                let unit =
                    if value.contains('-') && value.len() == 10 || value == "2021" { "" } else { unit };
                vec![
                    format!("id-{i}"),
                    if entity.is_empty() { "E".to_owned() } else { entity },
                    attribute,
                    object,
                    value.to_owned(),
                    unit.to_owned(),
                    period.to_owned(),
                    qualifier.to_owned(),
                    tolerance.to_owned(),
                    rank.to_owned(),
                    source,
                    String::new(),
                    note,
                ]
            },
        )
}

type Generated = (Vec<usize>, Vec<Vec<String>>, bool, bool);

fn ledger() -> impl Strategy<Value = Generated> {
    (
        Just((0..13).collect::<Vec<usize>>()).prop_shuffle(),
        (0..12usize).prop_flat_map(|n| (0..n).map(row).collect::<Vec<_>>()),
        any::<bool>(),
        any::<bool>(),
    )
}

fn render(order: &[usize], rows: &[Vec<String>], crlf: bool, bom: bool) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
        .from_writer(Vec::new());
    w.write_record(order.iter().map(|&i| COLS[i])).expect("header");
    for r in rows {
        w.write_record(order.iter().map(|&i| r[i].as_str())).expect("row");
    }
    let body = String::from_utf8(w.into_inner().expect("flush")).expect("utf8");
    if bom { format!("\u{feff}{body}") } else { body }
}

type Content = Vec<Vec<(String, String)>>;

fn content(text: &str) -> Content {
    let t = parse_table(Path::new("facts.csv"), text).expect("parses");
    let mut rows: Content = (0..t.len())
        .map(|r| {
            let mut cells: Vec<(String, String)> =
                t.header.iter().enumerate().map(|(c, h)| (h.clone(), t.cell(r, c).to_owned())).collect();
            cells.sort();
            cells
        })
        .collect();
    rows.sort();
    rows
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn fmt_is_idempotent_and_lossless((order, rows, crlf, bom) in ledger()) {
        let text = render(&order, &rows, crlf, bom);
        let once = format_text(Path::new("facts.csv"), &text, &mut HashSet::new()).expect("formats");
        let twice = format_text(Path::new("facts.csv"), &once, &mut HashSet::new()).expect("formats");
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(content(&text), content(&once));
        prop_assert_eq!(once.starts_with('\u{feff}'), bom);
        prop_assert_eq!(once.contains("\r\n"), crlf || rows.iter().flatten().any(|c| c.contains("\r\n")));
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,200}") {
        let _ = format_text(Path::new("facts.csv"), &text, &mut HashSet::new());
        let _ = claimcheck_core::ledger::value::parse_value(&text, "");
    }
}
