//! Reading ledger CSV files into a compact table, and rows into facts.
//!
//! A [`Table`] keeps every unescaped cell in one string plus one `u32` end
//! offset per cell, so a million-row file costs little more than its size.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::LedgerError;
use super::value::{self, ParsedValue};
use super::{Fact, FactQualifier, FactValue, Origin, Rank, SharedStr};
use crate::span::LineIndex;

/// The canonical columns, in canonical order.
pub const COLUMNS: [&str; 13] = [
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
pub(crate) const ID: usize = 0;
pub(crate) const ENTITY: usize = 1;
pub(crate) const ATTRIBUTE: usize = 2;
pub(crate) const OBJECT: usize = 3;
pub(crate) const VALUE: usize = 4;
pub(crate) const UNIT: usize = 5;
pub(crate) const PERIOD: usize = 6;
pub(crate) const QUALIFIER: usize = 7;
pub(crate) const TOLERANCE: usize = 8;
pub(crate) const RANK: usize = 9;
pub(crate) const SOURCE: usize = 10;
pub(crate) const AS_OF: usize = 11;
pub(crate) const NOTE: usize = 12;
/// Columns a facts file must have.
pub(crate) const REQUIRED: [usize; 4] = [ENTITY, ATTRIBUTE, VALUE, SOURCE];

/// One CSV file: header, cells and layout details (BOM, line endings).
#[derive(Debug, Clone)]
pub struct Table {
    /// The file (for messages).
    pub path: PathBuf,
    /// Header cells, trimmed.
    pub header: Vec<String>,
    text: String,
    ends: Vec<u32>,
    lines: Vec<u64>,
    offsets: Vec<u64>,
    /// The file started with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The file's line ends are CRLF.
    pub crlf: bool,
}

impl Table {
    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when there is no data row.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Cell `col` of data row `row`.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        let w = self.header.len();
        let i = row * w + col;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// 1-based line where data row `row` starts.
    pub fn line(&self, row: usize) -> u64 {
        self.lines[row]
    }

    /// Byte offset (after any BOM) where data row `row` starts.
    pub(crate) fn offset(&self, row: usize) -> u64 {
        self.offsets[row]
    }
}

fn csv_error(path: &Path, text: Option<&str>, e: &csv::Error) -> LedgerError {
    let (pos, field, message) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, err } => {
            (pos.clone(), Some(err.field()), format!("invalid UTF-8 in field {}", err.field() + 1))
        }
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => (
            pos.clone(),
            Some((*expected_len as usize).min(*len as usize).saturating_sub(usize::from(len < expected_len))),
            format!("expected {expected_len} fields (as in the header), found {len}"),
        ),
        _ => (None, None, e.to_string()),
    };
    let Some(pos) = pos else {
        return LedgerError::Csv { path: path.to_owned(), line: 1, col: 1, message };
    };
    error_at(path, text, &pos, field.unwrap_or(0), message)
}

/// A malformed-CSV error at field `field` of the record at `pos`.
fn error_at(
    path: &Path,
    text: Option<&str>,
    pos: &csv::Position,
    field: usize,
    message: String,
) -> LedgerError {
    let (line, col) = match text {
        Some(text) => locate(text, pos.byte() as usize, field),
        None => match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(strip_bom(&bytes).1);
                locate(&text, pos.byte() as usize, field)
            }
            Err(_) => (pos.line(), 1),
        },
    };
    LedgerError::Csv { path: path.to_owned(), line, col, message }
}

/// Where a quoted field opens that no quote closes, scanning `bytes` from a
/// record start the way the `csv` crate reads them. The `csv` crate takes such
/// a field to run to the end of the file, which would silently swallow every
/// row after it into one cell.
fn unterminated_quote(bytes: &[u8]) -> Option<usize> {
    enum State {
        Start,
        Unquoted,
        Quoted(usize),
        QuoteInQuoted,
    }
    let mut state = State::Start;
    for (i, &b) in bytes.iter().enumerate() {
        state = match (state, b) {
            (State::Start, b'"') => State::Quoted(i),
            (State::Start | State::Unquoted | State::QuoteInQuoted, b',' | b'\r' | b'\n') => State::Start,
            (State::Start | State::Unquoted | State::QuoteInQuoted, _) => State::Unquoted,
            (State::Quoted(_), b'"') => State::QuoteInQuoted,
            (State::Quoted(at), _) => State::Quoted(at),
        };
    }
    match state {
        State::Quoted(at) => Some(at),
        _ => None,
    }
}

/// The bytes of `path` from `offset` (counted after any BOM) to the end.
fn tail_bytes(path: &Path, offset: u64, bom: bool) -> std::io::Result<Vec<u8>> {
    use std::io::Seek;
    let mut file = std::fs::File::open(path)?;
    file.seek(std::io::SeekFrom::Start(offset + if bom { 3 } else { 0 }))?;
    let mut buf = Vec::new();
    file.read_to_end(&mut buf)?;
    Ok(buf)
}

fn strip_bom(bytes: &[u8]) -> (bool, &[u8]) {
    match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    }
}

/// 1-based (line, column) of field `field` of the record starting at byte `start`.
pub(crate) fn locate(text: &str, start: usize, field: usize) -> (u64, u64) {
    locate_with(text, &LineIndex::new(text), start, field)
}

/// [`locate`] with a line index built once per file.
pub(crate) fn locate_with(text: &str, index: &LineIndex, start: usize, field: usize) -> (u64, u64) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = start.min(len);
    while i < len && matches!(bytes[i], b'\r' | b'\n') && start > 0 {
        i += 1;
    }
    let mut k = 0;
    while k < field && i < len {
        if bytes[i] == b'"' {
            i += 1;
            while i < len {
                if bytes[i] == b'"' {
                    if i + 1 < len && bytes[i + 1] == b'"' {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < len && !matches!(bytes[i], b',' | b'\n' | b'\r') {
            i += 1;
        }
        if i < len && bytes[i] == b',' {
            i += 1;
            k += 1;
        } else {
            break;
        }
    }
    while i < len && !text.is_char_boundary(i) {
        i -= 1;
    }
    let (line, col) = index.line_col(text, i);
    (line as u64, col as u64)
}

/// A buffered reader over a CSV file, past any BOM, with layout details.
type FileReader = std::io::BufReader<std::io::Chain<std::io::Cursor<Vec<u8>>, std::fs::File>>;

/// Open a CSV file: a reader past any BOM, whether it had a BOM, and whether its line ends are CRLF.
fn open_csv(path: &Path) -> Result<(FileReader, bool, bool), LedgerError> {
    let mut file = std::fs::File::open(path).map_err(|e| LedgerError::io(path, e))?;
    let mut head = vec![0; 64 * 1024];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(LedgerError::io(path, e)),
        }
    }
    head.truncate(n);
    let (bom, rest) = strip_bom(&head);
    let crlf = detect_crlf(rest);
    let skip = if bom { 3 } else { 0 };
    let reader = std::io::Cursor::new(head).chain(file);
    let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
    std::io::copy(&mut (&mut reader).take(skip), &mut std::io::sink())
        .map_err(|e| LedgerError::io(path, e))?;
    Ok((reader, bom, crlf))
}

/// Read one CSV file into a table.
pub fn read_table(path: &Path) -> Result<Table, LedgerError> {
    let (reader, bom, crlf) = open_csv(path)?;
    parse(path, reader, bom, crlf, None)
}

/// Parse CSV text (as read from `path`) into a table.
pub fn parse_table(path: &Path, text: &str) -> Result<Table, LedgerError> {
    let (bom, rest) = strip_bom(text.as_bytes());
    let crlf = detect_crlf(rest);
    let text = &text[if bom { 3 } else { 0 }..];
    parse(path, text.as_bytes(), bom, crlf, Some(text))
}

/// The next record and where it starts, or `None` at the end of the file.
/// A CSV error, or a NUL byte (which never belongs in a ledger: the file is
/// binary or corrupt), is an error at its place.
fn next_record<R: Read>(
    rdr: &mut csv::Reader<R>,
    record: &mut csv::StringRecord,
    path: &Path,
    text: Option<&str>,
) -> Result<Option<csv::Position>, LedgerError> {
    match rdr.read_record(record) {
        Ok(false) => return Ok(None),
        Ok(true) => {}
        Err(e) => return Err(csv_error(path, text, &e)),
    }
    let pos = record.position().cloned().unwrap_or_else(csv::Position::new);
    if let Some(field) = record.iter().position(|c| c.contains('\0')) {
        return Err(error_at(path, text, &pos, field, format!("NUL byte in field {}", field + 1)));
    }
    Ok(Some(pos))
}

fn detect_crlf(bytes: &[u8]) -> bool {
    bytes.iter().position(|&b| b == b'\n').is_some_and(|i| i > 0 && bytes[i - 1] == b'\r')
}

fn parse(
    path: &Path,
    reader: impl Read,
    bom: bool,
    crlf: bool,
    text: Option<&str>,
) -> Result<Table, LedgerError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(reader);
    let mut record = csv::StringRecord::new();
    let mut table = Table {
        path: path.to_owned(),
        header: Vec::new(),
        text: String::new(),
        ends: Vec::new(),
        lines: Vec::new(),
        offsets: Vec::new(),
        bom,
        crlf,
    };
    let mut first = true;
    let mut last: Option<csv::Position> = None;
    while let Some(pos) = next_record(&mut rdr, &mut record, path, text)? {
        last = Some(pos.clone());
        if first {
            first = false;
            table.header = record.iter().map(|h| h.trim().to_owned()).collect();
            continue;
        }
        for cell in record.iter() {
            table.text.push_str(cell);
            let end = u32::try_from(table.text.len()).map_err(|_| LedgerError::Csv {
                path: path.to_owned(),
                line: pos.line(),
                col: 1,
                message: "ledger file too large (cells over 4 GiB)".to_owned(),
            })?;
            table.ends.push(end);
        }
        // With CRLF line ends csv reports a record's start at the `\n` that
        // ends the previous line, one line early.
        let (line, byte) = if crlf { (pos.line() + 1, pos.byte() + 1) } else { (pos.line(), pos.byte()) };
        table.lines.push(line);
        table.offsets.push(byte);
    }
    if let Some(pos) = last {
        let start = pos.byte();
        let open = match text {
            Some(text) => unterminated_quote(text.as_bytes().get(start as usize..).unwrap_or_default()),
            None => unterminated_quote(&tail_bytes(path, start, bom).map_err(|e| LedgerError::io(path, e))?),
        };
        if let Some(at) = open {
            let quote = csv::Position::new().set_byte(start + at as u64).clone();
            return Err(error_at(
                path,
                text,
                &quote,
                0,
                "a quoted field is never closed (it would run to the end of the file)".to_owned(),
            ));
        }
    }
    Ok(table)
}

/// Where each canonical column sits in a table's header.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Header index of each of [`COLUMNS`].
    pub idx: [Option<usize>; 13],
    /// Header indices of columns that are not canonical.
    pub unknown: Vec<usize>,
    /// Header indices of repeated column names.
    pub repeated: Vec<usize>,
}

impl Columns {
    /// Map a header.
    pub fn new(header: &[String]) -> Columns {
        let mut idx = [None; 13];
        let mut unknown = Vec::new();
        let mut repeated = Vec::new();
        for (i, name) in header.iter().enumerate() {
            match COLUMNS.iter().position(|c| c == name) {
                Some(c) if idx[c].is_none() => idx[c] = Some(i),
                Some(_) => repeated.push(i),
                None => unknown.push(i),
            }
        }
        Columns { idx, unknown, repeated }
    }

    /// The canonical cells of a row ("" for absent columns).
    pub(crate) fn cells<'t>(&self, table: &'t Table, row: usize) -> [&'t str; 13] {
        let mut out = [""; 13];
        for (c, i) in self.idx.iter().enumerate() {
            if let Some(i) = i {
                out[c] = table.cell(row, *i);
            }
        }
        out
    }
}

/// The parsed, typed parts of a row.
#[derive(Debug, Clone)]
pub(crate) struct RowParse {
    pub value: Option<ParsedValue>,
    pub qualifier: FactQualifier,
    pub rank: Option<Rank>,
    pub tolerance: Option<f64>,
}

/// Parse the typed cells of a row, pushing `(column, message)` for each problem.
pub(crate) fn parse_row(cells: &[&str; 13], problems: &mut Vec<(usize, String)>) -> RowParse {
    for c in REQUIRED {
        if cells[c].trim().is_empty() {
            problems.push((c, format!("missing {}", COLUMNS[c])));
        }
    }
    let value = if cells[VALUE].trim().is_empty() {
        None
    } else {
        match value::parse_value(cells[VALUE], cells[UNIT]) {
            Ok(v) => {
                if let Some(m) = value::unit_misfit(&v, cells[UNIT]) {
                    problems.push((UNIT, m));
                }
                Some(v)
            }
            Err(m) => {
                problems.push((VALUE, m));
                None
            }
        }
    };
    let period = cells[PERIOD].trim();
    if !period.is_empty() && value::canonical_period(period).is_none() {
        problems.push((
            PERIOD,
            format!("`{period}` is not a period (expected e.g. `2023`, `2023-Q4`, `FY2016`, `2025-06-12`)"),
        ));
    }
    let qualifier = value::parse_qualifier(cells[QUALIFIER]).unwrap_or_else(|| {
        problems.push((
            QUALIFIER,
            format!(
                "`{}` is not a qualifier (expected exact, approximately, at_least, at_most or estimate)",
                cells[QUALIFIER].trim()
            ),
        ));
        FactQualifier::Exact
    });
    let rank = value::parse_rank(cells[RANK]);
    if rank.is_none() {
        problems.push((
            RANK,
            format!(
                "`{}` is not a rank (expected preferred, normal, deprecated or disputed)",
                cells[RANK].trim()
            ),
        ));
    }
    let tol = cells[TOLERANCE].trim();
    let tolerance = if tol.is_empty() {
        None
    } else {
        match value::parse_tolerance(tol) {
            Some((t, _)) => Some(t),
            None => {
                problems.push((TOLERANCE, format!("`{tol}` is not a tolerance (expected e.g. `5%`)")));
                None
            }
        }
    };
    if let Some(v) = &value
        && tolerance.is_some()
        && matches!(v.value, FactValue::Date(_))
    {
        problems.push((TOLERANCE, "a date value takes no tolerance".to_owned()));
    }
    let as_of = cells[AS_OF].trim();
    if !as_of.is_empty() && !value::is_iso_date(as_of) {
        problems.push((AS_OF, format!("`{as_of}` is not an ISO date (expected YYYY-MM-DD)")));
    }
    RowParse { value, qualifier, rank, tolerance }
}

/// Shares repeated cell text between facts: a direct-mapped cache of recent
/// strings, so memory stays fixed however many distinct strings a ledger has;
/// a collision only costs a fresh allocation.
pub(crate) struct Interner {
    slots: Vec<Option<SharedStr>>,
}

impl Interner {
    const BITS: u32 = 14;

    pub(crate) fn new() -> Interner {
        Interner { slots: vec![None; 1 << Self::BITS] }
    }

    /// The shared copy of `s`.
    pub(crate) fn get(&mut self, s: &str) -> SharedStr {
        // A multiplicative hash over 8-byte words, top bits for the slot.
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = s.len() as u64;
        let mut words = s.as_bytes().chunks_exact(8);
        let mut word = [0u8; 8];
        for w in &mut words {
            word.copy_from_slice(w);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let rest = words.remainder();
        word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        let slot = &mut self.slots[(h >> (64 - Self::BITS)) as usize];
        if let Some(a) = slot.as_ref()
            && *a == *s
        {
            return a.clone();
        }
        let a = SharedStr::from(s);
        *slot = Some(a.clone());
        a
    }

    /// The shared copy of the trimmed cell, or `None` when it is empty.
    fn opt(&mut self, s: &str) -> Option<SharedStr> {
        let s = s.trim();
        (!s.is_empty()).then(|| self.get(s))
    }
}

/// The first row problem of a facts file as an error at its line and column.
fn row_error(path: &Path, line: u64, offset: u64, field: usize, message: String) -> LedgerError {
    let text = std::fs::read(path)
        .map(|b| String::from_utf8_lossy(strip_bom(&b).1).into_owned())
        .unwrap_or_default();
    let (line, col) = if text.is_empty() { (line, 1) } else { locate(&text, offset as usize, field) };
    LedgerError::Invalid { path: path.to_owned(), line, col, message }
}

fn missing_column(path: &Path, cols: &Columns) -> Option<LedgerError> {
    let c = REQUIRED.into_iter().find(|&c| cols.idx[c].is_none())?;
    Some(LedgerError::Invalid {
        path: path.to_owned(),
        line: 1,
        col: 1,
        message: format!("missing required column `{}`", COLUMNS[c]),
    })
}

/// A fact from a row's canonical cells, once [`parse_row`] found no problem.
fn row_fact(cells: &[&str; 13], parsed: RowParse, origin: Origin, strings: &mut Interner) -> Option<Fact> {
    let (Some(value), Some(rank)) = (parsed.value, parsed.rank) else { return None };
    let unit = strings.opt(cells[UNIT]).or_else(|| value.unit.map(|u| strings.get(u)));
    let period = value::canonical_period(cells[PERIOD]).filter(|p| !p.is_empty()).map(|p| strings.get(&p));
    Some(Fact {
        id: cells[ID].trim().into(),
        entity: strings.get(cells[ENTITY].trim()),
        attribute: strings.get(cells[ATTRIBUTE].trim()),
        object: strings.opt(cells[OBJECT]),
        value: value.value,
        unit,
        period,
        qualifier: parsed.qualifier,
        tolerance: parsed.tolerance,
        rank,
        source: strings.get(cells[SOURCE].trim()),
        as_of: strings.opt(cells[AS_OF]),
        note: strings.opt(cells[NOTE]),
        origin,
    })
}

/// An upper bound on a file's data rows (its count of line feeds, plus one),
/// to size the facts vector once.
fn row_bound(path: &Path) -> usize {
    let Ok(mut file) = std::fs::File::open(path) else { return 0 };
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 1;
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(k) => n += buf[..k].iter().filter(|&&b| b == b'\n').count(),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    n
}

/// Read the rest of a file's records, for a malformed one: a CSV error
/// anywhere in a file is reported before a row problem, as when the whole
/// file is read into a [`Table`] first.
fn drain(
    rdr: &mut csv::Reader<FileReader>,
    record: &mut csv::StringRecord,
    path: &Path,
) -> Result<(), LedgerError> {
    loop {
        match rdr.read_record(record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return Err(csv_error(path, None, &e)),
        }
    }
}

/// The ledger's columns of `record`, by their index in the header ("" where absent).
fn cells_of<'r>(record: &'r csv::StringRecord, idx: &[Option<usize>; 13]) -> [&'r str; 13] {
    let mut cells = [""; 13];
    for (cell, i) in cells.iter_mut().zip(idx) {
        if let Some(i) = i {
            *cell = record.get(*i).unwrap_or("");
        }
    }
    cells
}

/// Facts files at least this large are read in two halves side by side
/// when the current rayon pool has more than one thread.
const SPLIT_AT_BYTES: u64 = 8 << 20;

/// Reads a facts file's records into facts, one record at a time.
struct FactReader<'p> {
    rdr: csv::Reader<FileReader>,
    record: csv::StringRecord,
    cols: Columns,
    path: &'p Path,
    shared_path: Arc<Path>,
    crlf: bool,
    problems: Vec<(usize, String)>,
    /// Where the last record read starts.
    last: Option<u64>,
}

impl FactReader<'_> {
    /// Keep facts until the end of the file, or until a record starts at or
    /// after byte `stop`: that record is read but not kept, and its position
    /// returned ([`FactReader::keep`] keeps it).
    fn read_until(
        &mut self,
        stop: u64,
        facts: &mut Vec<Fact>,
        strings: &mut Interner,
    ) -> Result<Option<csv::Position>, LedgerError> {
        while let Some(pos) = next_record(&mut self.rdr, &mut self.record, self.path, None)? {
            if pos.byte() >= stop {
                return Ok(Some(pos));
            }
            self.keep(&pos, facts, strings)?;
        }
        Ok(None)
    }

    /// Keep the record just read, at `pos`; a row problem is an error (once
    /// the rest of the file is known to be well-formed CSV).
    fn keep(
        &mut self,
        pos: &csv::Position,
        facts: &mut Vec<Fact>,
        strings: &mut Interner,
    ) -> Result<(), LedgerError> {
        self.last = Some(pos.byte());
        // As in `parse`: with CRLF, csv reports a record one line early.
        let (line, offset) =
            if self.crlf { (pos.line() + 1, pos.byte() + 1) } else { (pos.line(), pos.byte()) };
        let cells = cells_of(&self.record, &self.cols.idx);
        self.problems.clear();
        let parsed = parse_row(&cells, &mut self.problems);
        if let Some((c, message)) = self.problems.first() {
            let field = self.cols.idx[*c].unwrap_or(0);
            let message = message.clone();
            drain(&mut self.rdr, &mut self.record, self.path)?;
            return Err(row_error(self.path, line, offset, field, message));
        }
        let origin = Origin { path: Arc::clone(&self.shared_path), line };
        facts.extend(row_fact(&cells, parsed, origin, strings));
        Ok(())
    }
}

/// The second half of a facts file, read from byte `split` (counted after
/// any BOM) on its own: the facts with their lines counted from the split,
/// and where its last record starts. `None` at any CSV error or row
/// problem, or a first record that does not have the header's fields: the
/// caller then reads that half itself, and reports what it finds in order.
fn read_second_half(
    path: &Path,
    bom: bool,
    split: u64,
    idx: [Option<usize>; 13],
    fields: usize,
) -> Option<(Vec<Fact>, Option<u64>)> {
    use std::io::Seek;
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(std::io::SeekFrom::Start(split + if bom { 3 } else { 0 })).ok()?;
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(reader);
    let mut record = csv::StringRecord::new();
    let shared_path: Arc<Path> = Arc::from(path);
    let mut strings = Interner::new();
    let mut problems = Vec::new();
    let mut facts = Vec::new();
    let mut last = None;
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return None,
        }
        // The reader checks every record against its first: that must be the header's count.
        if last.is_none() && record.len() != fields {
            return None;
        }
        if record.iter().any(|c| c.contains('\0')) {
            return None;
        }
        let pos = record.position()?;
        last = Some(split + pos.byte());
        let cells = cells_of(&record, &idx);
        problems.clear();
        let parsed = parse_row(&cells, &mut problems);
        if !problems.is_empty() {
            return None;
        }
        let origin = Origin { path: Arc::clone(&shared_path), line: pos.line() };
        facts.extend(row_fact(&cells, parsed, origin, &mut strings));
    }
    Some((facts, last))
}

/// Where to split a facts file of `len` bytes (after any BOM) in two: just
/// after the first line feed past its middle.
fn split_point(path: &Path, bom: bool, len: u64) -> Option<u64> {
    use std::io::Seek;
    let mut file = std::fs::File::open(path).ok()?;
    let middle = len / 2;
    file.seek(std::io::SeekFrom::Start(middle + if bom { 3 } else { 0 })).ok()?;
    let mut buf = vec![0u8; 1 << 16];
    let mut at = middle;
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(i) = buf[..n].iter().position(|&b| b == b'\n') {
            return Some(at + i as u64 + 1).filter(|&s| s < len);
        }
        at += n as u64;
    }
}

/// Read a facts file straight into facts, one record at a time; the first
/// malformed record, then the first missing column or row problem, is an
/// error. No table of cells stays alive, so a large file costs little more
/// than its facts.
///
/// A large file with plain line feeds is read in two halves side by side on
/// the current rayon pool. The first half is read up to the split; if a
/// record starts exactly there, a reader starting fresh at the split reads
/// what the first would have, and its facts (with their lines moved on) are
/// kept. Otherwise (the split fell inside a quoted field), or if the second
/// half holds any problem, the first reader goes on through the file, and
/// errors come out as they always do.
pub(crate) fn load_facts(
    path: &Path,
    facts: &mut Vec<Fact>,
    strings: &mut Interner,
) -> Result<(), LedgerError> {
    load_facts_split(path, facts, strings, SPLIT_AT_BYTES)
}

/// [`load_facts`], splitting files of at least `split_at_bytes`.
fn load_facts_split(
    path: &Path,
    facts: &mut Vec<Fact>,
    strings: &mut Interner,
    split_at_bytes: u64,
) -> Result<(), LedgerError> {
    let (reader, bom, crlf) = open_csv(path)?;
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(reader);
    let mut record = csv::StringRecord::new();
    let header: Vec<String> = match rdr.read_record(&mut record) {
        Ok(true) => record.iter().map(|h| h.trim().to_owned()).collect(),
        Ok(false) => Vec::new(),
        Err(e) => return Err(csv_error(path, None, &e)),
    };
    let cols = Columns::new(&header);
    if let Some(e) = missing_column(path, &cols) {
        drain(&mut rdr, &mut record, path)?;
        return Err(e);
    }
    facts.reserve_exact(row_bound(path));
    let len = std::fs::metadata(path).map_or(0, |m| m.len()).saturating_sub(if bom { 3 } else { 0 });
    let split = (len >= split_at_bytes && !crlf && rayon::current_num_threads() > 1)
        .then(|| split_point(path, bom, len))
        .flatten();
    let mut reader = FactReader {
        rdr,
        record,
        shared_path: Arc::from(path),
        cols,
        path,
        crlf,
        problems: Vec::new(),
        last: None,
    };
    if let Some(split) = split {
        let (idx, fields) = (reader.cols.idx, header.len());
        let (first, second) = rayon::join(
            || reader.read_until(split, facts, strings),
            || read_second_half(path, bom, split, idx, fields),
        );
        if let Some(pos) = first? {
            match second {
                Some((more, last)) if pos.byte() == split => {
                    // Lines in the second half count from the split, where the first half's reader was.
                    let lines_before = pos.line() - 1;
                    facts.extend(more.into_iter().map(|mut f| {
                        f.origin.line += lines_before;
                        f
                    }));
                    reader.last = last.or(Some(pos.byte()));
                }
                _ => {
                    reader.keep(&pos, facts, strings)?;
                    reader.read_until(u64::MAX, facts, strings)?;
                }
            }
        }
    } else {
        reader.read_until(u64::MAX, facts, strings)?;
    }
    // A quote opened in the last record and never closed swallowed the rest
    // of the file into one cell: an error, as in `parse_table`.
    if let Some(start) = reader.last {
        let tail = tail_bytes(path, start, bom).map_err(|e| LedgerError::io(path, e))?;
        if let Some(at) = unterminated_quote(&tail) {
            let quote = csv::Position::new().set_byte(start + at as u64).clone();
            return Err(error_at(
                path,
                None,
                &quote,
                0,
                "a quoted field is never closed (it would run to the end of the file)".to_owned(),
            ));
        }
    }
    Ok(())
}

/// Read a two-column table (`alias,entity` or `synonym,attribute`) into pairs.
pub(crate) fn pairs(table: &Table, left: &str, right: &str) -> Result<Vec<(String, String)>, LedgerError> {
    let l = table.header.iter().position(|h| h == left);
    let r = table.header.iter().position(|h| h == right);
    let (Some(l), Some(r)) = (l, r) else {
        return Err(LedgerError::Invalid {
            path: table.path.clone(),
            line: 1,
            col: 1,
            message: format!("expected the header `{left},{right}`"),
        });
    };
    Ok((0..table.len())
        .map(|row| (table.cell(row, l).trim().to_owned(), table.cell(row, r).trim().to_owned()))
        .collect())
}

/// The files of a ledger.
#[derive(Debug, Clone, Default)]
pub struct LedgerFiles {
    /// Facts files, sorted by name.
    pub facts: Vec<PathBuf>,
    /// `aliases.csv`, when present.
    pub aliases: Option<PathBuf>,
    /// `attributes.csv`, when present.
    pub attributes: Option<PathBuf>,
    /// Candidate rows awaiting review (`candidates.csv`, `*.candidates.csv`):
    /// checked and formatted like facts, never loaded as facts.
    pub candidates: Vec<PathBuf>,
}

/// Is this file name a file of candidate rows (`candidates.csv`,
/// `press.candidates.csv`) rather than reviewed facts?
pub fn is_candidates_file(name: &str) -> bool {
    name == "candidates.csv" || name.ends_with(".candidates.csv")
}

/// List a ledger's files: a single CSV file, or every `*.csv` in a directory.
pub fn ledger_files(path: &Path) -> Result<LedgerFiles, LedgerError> {
    let meta = std::fs::metadata(path).map_err(|e| LedgerError::io(path, e))?;
    if !meta.is_dir() {
        return Ok(LedgerFiles { facts: vec![path.to_owned()], ..LedgerFiles::default() });
    }
    let mut files = LedgerFiles::default();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| LedgerError::io(path, e))? {
        let entry = entry.map_err(|e| LedgerError::io(path, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.ends_with(".csv") && !name.starts_with('.') {
            names.push(name.to_owned());
        }
    }
    names.sort();
    for name in names {
        let p = path.join(&name);
        match name.as_str() {
            "aliases.csv" => files.aliases = Some(p),
            "attributes.csv" => files.attributes = Some(p),
            "reviewed.csv" => {} // reviewed findings (see `review`), not facts
            n if is_candidates_file(n) => files.candidates.push(p),
            _ => files.facts.push(p),
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts (or the error) of a file read whole, and read in two halves
    /// side by side, must be the same, wherever the split falls.
    #[test]
    fn halves_read_side_by_side_give_what_one_reader_gives() {
        let header = "id,entity,attribute,value,unit,period,source,note\n";
        let row = |i: usize, note: &str| {
            format!("f{i},Entity {i},revenue,{i}00,USD,2023,https://example.com/{i},{note}\n")
        };
        let plain: String = std::iter::once(header.to_owned()).chain((0..40).map(|i| row(i, ""))).collect();
        // A quoted note over several lines around the middle: the split falls inside it.
        let quoted: String = std::iter::once(header.to_owned())
            .chain((0..40).map(|i| {
                row(
                    i,
                    if i == 20 {
                        "\"one\ntwo\nthree, \"\"four\"\"\nfive\nsix\nseven\neight\nnine\nten\neleven\""
                    } else {
                        ""
                    },
                )
            }))
            .collect();
        let with_bom = format!("\u{feff}{plain}");
        let bad_value = plain.replace("f30,Entity 30,revenue,3000", "f30,Entity 30,revenue,lots");
        let bad_csv = plain.replace("f31,Entity 31,revenue,3100,USD", "f31,Entity 31,revenue,3100,USD,extra");
        let nul = plain.replace("Entity 33", "Entity\u{0}33");
        let unclosed = format!("{plain}f99,Entity 99,revenue,1,USD,2023,\"https://example.com,x\n");
        let bad_first_half = plain.replace("f3,Entity 3,revenue,300", "f3,Entity 3,revenue,many");
        let dir = tempfile::tempdir().expect("tempdir");
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        for (name, text) in [
            ("plain", &plain),
            ("quoted", &quoted),
            ("bom", &with_bom),
            ("bad-value", &bad_value),
            ("bad-csv", &bad_csv),
            ("nul", &nul),
            ("unclosed", &unclosed),
            ("bad-first-half", &bad_first_half),
        ] {
            let path = dir.path().join(format!("{name}.csv"));
            std::fs::write(&path, text).expect("write");
            let read = |split_at: u64| {
                let mut facts = Vec::new();
                let r = load_facts_split(&path, &mut facts, &mut Interner::new(), split_at);
                r.map(|()| facts).map_err(|e| e.to_string())
            };
            let whole = pool.install(|| read(u64::MAX));
            let halves = pool.install(|| read(0));
            assert_eq!(whole, halves, "{name}");
        }
    }

    #[test]
    fn candidates_are_kept_apart_from_facts() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["facts.csv", "candidates.csv", "press.candidates.csv", "aliases.csv"] {
            std::fs::write(dir.path().join(name), "").expect("write");
        }
        let files = ledger_files(dir.path()).expect("lists");
        let names = |v: &[PathBuf]| -> Vec<String> {
            v.iter().filter_map(|p| p.file_name()?.to_str().map(str::to_owned)).collect()
        };
        assert_eq!(names(&files.facts), ["facts.csv"]);
        assert_eq!(names(&files.candidates), ["candidates.csv", "press.candidates.csv"]);
    }

    #[test]
    fn bom_crlf_quotes() {
        let text = "\u{feff}id,entity\r\na,\"x, \"\"y\"\"\r\nz\"\r\n";
        let t = parse_table(Path::new("f.csv"), text).expect("parses");
        assert!(t.bom && t.crlf);
        assert_eq!(t.header, ["id", "entity"]);
        assert_eq!(t.cell(0, 1), "x, \"y\"\r\nz");
        assert_eq!(t.line(0), 2);
    }

    #[test]
    fn malformed_has_position() {
        let text = "a,b\n1,2\n3,4,5\n";
        let err = parse_table(Path::new("f.csv"), text).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("f.csv:3:5: malformed CSV: expected 2 fields (as in the header), found 3")
        );
    }

    /// The `csv` crate reads an unclosed quote to the end of the file, so the
    /// rows after it vanished into one cell (found while building the
    /// malformed corpus, `tests/malformed/ledger-stray-quotes.csv`).
    #[test]
    fn unclosed_quote_swallowing_rows_is_an_error() {
        let text = "a,b\n1,\"x\n2,3\n4,5\n";
        let err = parse_table(Path::new("f.csv"), text).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "f.csv:2:3: malformed CSV: a quoted field is never closed (it would run to the end of the file)"
            )
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f.csv");
        std::fs::write(&file, format!("\u{feff}{text}")).expect("write");
        let err = read_table(&file).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.ends_with("f.csv:2:3: malformed CSV: a quoted field is never closed (it would run to the end of the file)"), "{err}");
    }

    #[test]
    fn stray_quotes_that_close_are_accepted() {
        for text in ["a,b\n1,Me\"ta\n", "a,b\n1,\"x\"y\n", "a,b\n1,\"x\"\"\"\n", "a,b\r\n1,\"x\r\ny\"\r\n"] {
            assert!(parse_table(Path::new("f.csv"), text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn nul_byte_is_an_error() {
        let text = "a,b\n1,2\n3,x\0y\n";
        let err = parse_table(Path::new("f.csv"), text).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("f.csv:3:3: malformed CSV: NUL byte in field 2"));
    }

    #[test]
    fn locate_counts_chars_and_quotes() {
        let text = "a,b,c\n\"é,\",x,y\n";
        assert_eq!(locate(text, 6, 1), (2, 6));
        assert_eq!(locate(text, 6, 2), (2, 8));
    }
}
