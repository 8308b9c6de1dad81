//! Reading one CSV file into rows whose cells are found by column name,
//! whatever the header calls them: English names or Vietnamese ones, with
//! or without diacritics, in any case, in any order. Excel's habits are
//! accepted (a UTF-8 byte-order mark, `;` as the separator in locales that
//! write decimals with a comma); text is NFC-normalised so that ids typed
//! on different machines compare equal.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::error::{Place, Problem, RowError};

/// A column a file may have.
pub struct Column {
    /// Its English name (also how messages name it).
    pub name: &'static str,
    /// Other headers that mean it (Vietnamese).
    pub aliases: &'static [&'static str],
    /// Whether the header must have it.
    pub required: bool,
}

/// Problems found so far (every one is reported, up to a limit).
#[derive(Debug, Default)]
pub struct Errors(pub Vec<RowError>);

/// At most this many problems are kept: enough to fix a file in one go.
const MAX_ERRORS: usize = 200;

impl Errors {
    /// Notes `problem` at `place`.
    pub fn push(&mut self, place: Place, problem: Problem) {
        if self.0.len() < MAX_ERRORS {
            self.0.push(RowError { place, problem });
        }
    }

    /// Whether nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A file's rows.
pub struct Table {
    /// The file's name, for messages.
    pub file: String,
    headers: Vec<String>,
    /// For each column of the spec, its position in the file.
    positions: Vec<Option<usize>>,
    spec: &'static [Column],
    rows: Vec<(u64, Vec<String>)>,
}

/// One row of a [`Table`].
#[derive(Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    line: u64,
    cells: &'a [String],
}

/// Lower case, no diacritics (đ as d), words separated by one space: the
/// form headers are compared in ("Tên tiếng Anh" = "ten_tieng_anh").
pub fn fold(header: &str) -> String {
    let plain: String = header
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            '_' | '-' | '/' | '(' | ')' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The separator the header line uses most: `,`, `;` or a tab.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|&(byte, n)| (n, byte == b','))
        .map_or(b',', |(byte, _)| byte)
}

impl Table {
    /// Reads `bytes` (the contents of `file`) against `spec`; problems go to `errors`.
    pub fn read(file: &str, bytes: &[u8], spec: &'static [Column], errors: &mut Errors) -> Table {
        let mut table = Table {
            file: file.to_owned(),
            headers: Vec::new(),
            positions: vec![None; spec.len()],
            spec,
            rows: Vec::new(),
        };
        let whole = |problem| {
            Place {
                file: file.to_owned(),
                line: 0,
                column: None,
            }
            .with(problem)
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let Ok(text) = std::str::from_utf8(bytes) else {
            let (place, problem) = whole(Problem::NotUtf8);
            errors.push(place, problem);
            return table;
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sniff_delimiter(text))
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        match reader.headers() {
            Ok(headers) => table.headers = headers.iter().map(|h| h.nfc().collect()).collect(),
            Err(error) => {
                let (place, problem) = whole(Problem::Syntax {
                    reason: error.to_string(),
                });
                errors.push(place, problem);
                return table;
            }
        }
        table.match_headers(errors);
        for record in reader.records() {
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line());
                    let cells: Vec<String> =
                        record.iter().map(|c| c.trim().nfc().collect()).collect();
                    // A row of empty cells is a spreadsheet's trailing blank line.
                    if cells.iter().any(|c| !c.is_empty()) {
                        table.rows.push((line, cells));
                    }
                }
                Err(error) => {
                    let line = error.position().map_or(0, |p| p.line());
                    errors.push(
                        Place {
                            file: file.to_owned(),
                            line,
                            column: None,
                        },
                        Problem::Syntax {
                            reason: syntax_reason(&error),
                        },
                    );
                }
            }
        }
        table
    }

    fn match_headers(&mut self, errors: &mut Errors) {
        let header_place = || Place {
            file: self.file.clone(),
            line: 1,
            column: None,
        };
        for (position, header) in self.headers.iter().enumerate() {
            let folded = fold(header);
            let found = self.spec.iter().position(|column| {
                fold(column.name) == folded || column.aliases.iter().any(|a| fold(a) == folded)
            });
            let Some(index) = found else {
                continue;
            };
            if self.positions[index].is_some() {
                errors.push(
                    header_place(),
                    Problem::DuplicateColumn {
                        column: self.spec[index].name,
                    },
                );
            }
            self.positions[index] = Some(position);
        }
        for (column, position) in self.spec.iter().zip(&self.positions) {
            if column.required && position.is_none() {
                errors.push(
                    header_place(),
                    Problem::MissingColumn {
                        column: column.name,
                    },
                );
            }
        }
    }

    /// Headers that match no column (a typo, or a column for people only).
    pub fn unknown_headers(&self) -> Vec<String> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.positions.contains(&Some(*i)))
            .map(|(_, h)| h.clone())
            .filter(|h| !h.is_empty())
            .collect()
    }

    /// The rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, cells)| Row {
            table: self,
            line: *line,
            cells,
        })
    }
}

fn syntax_reason(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} cells where the header has {expected_len}"),
        _ => error.to_string(),
    }
}

impl Place {
    fn with(self, problem: Problem) -> (Place, Problem) {
        (self, problem)
    }
}

impl<'a> Row<'a> {
    /// The row's line in its file.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn position(&self, column: &str) -> Option<usize> {
        let index = self.table.spec.iter().position(|c| c.name == column)?;
        self.table.positions[index]
    }

    /// The cell of `column`, trimmed; `None` when absent or empty.
    pub fn get(&self, column: &str) -> Option<&'a str> {
        let position = self.position(column)?;
        self.cells
            .get(position)
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    }

    /// The cell of `column`, or an `Empty` problem.
    pub fn required(&self, column: &str, errors: &mut Errors) -> Option<&'a str> {
        let value = self.get(column);
        if value.is_none() {
            errors.push(self.place(column), Problem::Empty);
        }
        value
    }

    /// Where the cell of `column` is (the row when the column is absent).
    pub fn place(&self, column: &str) -> Place {
        Place {
            file: self.table.file.clone(),
            line: self.line,
            column: self.position(column).map(|p| {
                (
                    p + 1,
                    self.table.headers.get(p).cloned().unwrap_or_default(),
                )
            }),
        }
    }

    /// Parses the cell of `column` with `parse`; a failure is noted.
    pub fn parse<T>(
        &self,
        column: &str,
        errors: &mut Errors,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        let value = self.get(column)?;
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                errors.push(self.place(column), problem);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &[Column] = &[
        Column {
            name: "lot",
            aliases: &["số lô"],
            required: true,
        },
        Column {
            name: "name_en",
            aliases: &["tên tiếng anh"],
            required: false,
        },
    ];

    #[test]
    fn vietnamese_headers_with_or_without_diacritics_find_their_column() {
        let mut errors = Errors::default();
        let csv = "\u{feff}Số lô;Ten tieng Anh;ghi chú\nNL2611;Longan;x\n";
        let table = Table::read("products.csv", csv.as_bytes(), SPEC, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let row = table.rows().next().expect("one row");
        assert_eq!(row.get("lot"), Some("NL2611"));
        assert_eq!(row.get("name_en"), Some("Longan"));
        assert_eq!(row.line(), 2);
        assert_eq!(table.unknown_headers(), vec!["ghi chú".to_owned()]);
    }

    #[test]
    fn problems_name_the_file_line_and_column() {
        let mut errors = Errors::default();
        let table = Table::read("p.csv", b"name_en,lot\nA,\n", SPEC, &mut errors);
        let row = table.rows().next().expect("row");
        assert_eq!(row.required("lot", &mut errors), None);
        assert_eq!(
            errors.0[0].to_string(),
            "p.csv:2: column 2 \"lot\": empty, but required"
        );
        let mut errors = Errors::default();
        Table::read("p.csv", b"name_en\nA\n", SPEC, &mut errors);
        assert_eq!(
            errors.0[0].to_string(),
            "p.csv:1: no column \"lot\" in the header"
        );
        let mut errors = Errors::default();
        Table::read("p.csv", b"lot\n\xff\n", SPEC, &mut errors);
        assert_eq!(errors.0[0].problem, Problem::NotUtf8);
        let mut errors = Errors::default();
        Table::read("p.csv", b"lot,name_en\nA,B,C\n", SPEC, &mut errors);
        assert!(
            errors.0[0]
                .to_string()
                .starts_with("p.csv:2: broken CSV: 3 cells"),
            "{:?}",
            errors.0
        );
    }
}
