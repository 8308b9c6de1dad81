//! Turns the GS1 Barcode Syntax Dictionary (`data/gs1-syntax-dictionary.txt`,
//! Apache-2.0, GS1 AISBL) into a static table of AI specifications, so the
//! widget never parses the dictionary at run time.
//!
//! Line format, from the file's own header:
//! `AIs [Flags] Components... [Attributes...] [# Title]`, where a component is
//! `[`?`N|X|Y|Z` + length`]`? followed by `,linter` names, and attributes are
//! `req=`, `ex=` and `dlpkey[=…]`.

use std::fmt::Write as _;
use std::path::Path;

const DICTIONARY: &str = "data/gs1-syntax-dictionary.txt";

fn main() {
    println!("cargo::rerun-if-changed={DICTIONARY}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(DICTIONARY).expect("read the syntax dictionary");
    let mut groups = Vec::new();
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (group, ais) =
            parse_line(line).unwrap_or_else(|e| panic!("{DICTIONARY}:{}: {e}: {line}", number + 1));
        entries.extend(ais.into_iter().map(|ai| (ai, groups.len())));
        groups.push(group);
    }
    entries.sort();
    for pair in entries.windows(2) {
        assert!(pair[0].0 != pair[1].0, "AI {} listed twice", pair[0].0);
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("ai_table.rs");
    std::fs::write(out, render(&groups, &entries)).expect("write ai_table.rs");
}

struct Component {
    charset: char,
    min: usize,
    max: usize,
    optional: bool,
    linters: Vec<String>,
}

/// What one dictionary line says (shared by every AI of its range).
struct Entry {
    title: String,
    fnc1: bool,
    dl_attribute: bool,
    components: Vec<Component>,
    requires: Vec<Vec<Vec<String>>>,
    excludes: Vec<String>,
    dl_key: Option<Vec<Vec<String>>>,
}

fn parse_line(line: &str) -> Result<(Entry, Vec<String>), String> {
    let (spec, title) = match line.split_once('#') {
        Some((spec, title)) => (spec, title.trim()),
        None => (line, ""),
    };
    let mut tokens = spec.split_whitespace().peekable();
    let ais = tokens.next().ok_or("no AI")?;
    let (first, last) = match ais.split_once('-') {
        Some((first, last)) => (first, last),
        None => (ais, ais),
    };
    if first.len() != last.len()
        || !first
            .bytes()
            .chain(last.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(format!("bad AI range {ais}"));
    }
    let mut fnc1 = true;
    let mut dl_attribute = false;
    if let Some(flags) = tokens.next_if(|t| !t.starts_with(['N', 'X', 'Y', 'Z', '['])) {
        for flag in flags.chars() {
            match flag {
                '*' => fnc1 = false,
                '?' => dl_attribute = true,
                other => return Err(format!("unknown flag {other}")),
            }
        }
    }
    let mut components = Vec::new();
    while let Some(token) = tokens.next_if(|t| t.starts_with(['N', 'X', 'Y', 'Z', '['])) {
        components.push(parse_component(token)?);
    }
    if components.is_empty() {
        return Err("no components".into());
    }
    let mut requires = Vec::new();
    let mut excludes = Vec::new();
    let mut dl_key = None;
    for attribute in tokens {
        match attribute.split_once('=') {
            Some(("req", list)) => requires.push(
                list.split(',')
                    .map(|group| group.split('+').map(String::from).collect())
                    .collect(),
            ),
            Some(("ex", list)) => excludes.extend(list.split(',').map(String::from)),
            Some(("dlpkey", alternatives)) => {
                dl_key = Some(
                    alternatives
                        .split('|')
                        .map(|seq| seq.split(',').map(String::from).collect())
                        .collect(),
                );
            }
            None if attribute == "dlpkey" => dl_key = Some(Vec::new()),
            _ => return Err(format!("unknown attribute {attribute}")),
        }
    }
    let first_number: u32 = first.parse().map_err(|_| "AI")?;
    let last_number: u32 = last.parse().map_err(|_| "AI")?;
    let ais = (first_number..=last_number)
        .map(|number| format!("{number:0width$}", width = first.len()))
        .collect();
    let entry = Entry {
        title: title.to_owned(),
        fnc1,
        dl_attribute,
        components,
        requires,
        excludes,
        dl_key,
    };
    Ok((entry, ais))
}

/// `N14,csum,gcppos2`, `X..20`, `[N3],iso3166`, `[X..17]`.
fn parse_component(token: &str) -> Result<Component, String> {
    let mut parts = token.split(',');
    let kind = parts.next().ok_or("empty component")?;
    let (optional, kind) = match kind.strip_prefix('[') {
        Some(inner) => (true, inner.strip_suffix(']').ok_or("unclosed [")?),
        None => (false, kind),
    };
    let charset = kind.chars().next().ok_or("empty component")?;
    let length = &kind[1..];
    let (min, max) = match length.strip_prefix("..") {
        Some(max) => (1, max.parse().map_err(|_| format!("length {length}"))?),
        None => {
            let n = length.parse().map_err(|_| format!("length {length}"))?;
            (n, n)
        }
    };
    Ok(Component {
        charset,
        min,
        max,
        optional,
        linters: parts.map(String::from).collect(),
    })
}

/// One set of statics per dictionary line, then the sorted table of AIs
/// pointing at them (so an AI range shares its description).
fn render(groups: &[Entry], entries: &[(String, usize)]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from data/gs1-syntax-dictionary.txt \
         (GS1 Barcode Syntax Dictionary, Apache-2.0, GS1 AISBL). Do not edit.\n\n",
    );
    for (g, e) in groups.iter().enumerate() {
        let components: Vec<String> = e
            .components
            .iter()
            .map(|c| {
                let charset = match c.charset {
                    'N' => "Numeric",
                    'X' => "Cset82",
                    'Y' => "Cset39",
                    'Z' => "Cset64",
                    other => panic!("unknown character set {other}"),
                };
                let linters: Vec<String> = c
                    .linters
                    .iter()
                    .map(|name| format!("Linter::{}", camel(name)))
                    .collect();
                format!(
                    "Component {{ charset: Charset::{charset}, min: {}, max: {}, optional: {}, linters: &[{}] }}",
                    c.min,
                    c.max,
                    c.optional,
                    linters.join(", ")
                )
            })
            .collect();
        let requires: Vec<String> = e
            .requires
            .iter()
            .map(|alternatives| {
                let groups: Vec<String> = alternatives
                    .iter()
                    .map(|group| format!("&[{}]", quoted(group)))
                    .collect();
                format!("&[{}]", groups.join(", "))
            })
            .collect();
        let dl_key = match &e.dl_key {
            None => "None".to_owned(),
            Some(alternatives) => {
                let seqs: Vec<String> = alternatives
                    .iter()
                    .map(|seq| format!("&[{}]", quoted(seq)))
                    .collect();
                format!("Some(&[{}])", seqs.join(", "))
            }
        };
        let mut qualifiers: Vec<String> = Vec::new();
        for seq in e.dl_key.iter().flatten() {
            for q in seq {
                if !qualifiers.contains(q) {
                    qualifiers.push(q.clone());
                }
            }
        }
        let _ = writeln!(
            out,
            "static LINE_{g}: LineSpec = LineSpec {{ title: {:?}, fnc1: {}, dl_attribute: {}, \
             components: &[{}], requires: &[{}], excludes: &[{}], dl_key: {}, qualifiers: &[{}] }};",
            e.title,
            e.fnc1,
            e.dl_attribute,
            components.join(", "),
            requires.join(", "),
            quoted(&e.excludes),
            dl_key,
            quoted(&qualifiers),
        );
    }
    out.push_str("\npub(super) static AI_TABLE: &[AiSpec] = &[\n");
    for (ai, g) in entries {
        let _ = writeln!(out, "    AiSpec::new({ai:?}, &LINE_{g}),");
    }
    out.push_str("];\n");
    out
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => panic!("empty linter name"),
    }
}
