//! The demo's CSV files are templates: `{day:N}` is the date N days after
//! the reference date (`{gs1day:N}` the same as YYMMDD), `{time:N HH:MM}` that day at that time (Vietnam),
//! `{base}` the registry's URL, `{host}` its host, `{alternative}` the same
//! server under its other local name.

use time::Date;

/// Values to put in.
pub struct Vars {
    /// The reference date.
    pub today: Date,
    /// Where the registry is served.
    pub base: String,
    /// Its `host[:port]`.
    pub host: String,
    /// The same server under another name.
    pub alternative: String,
}

/// `YYYY-MM-DD`, `days` after `today`.
pub fn day(today: Date, days: i64) -> String {
    let date = today + time::Duration::days(days);
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Replaces every `{…}` in `text`.
pub fn expand(text: &str, vars: &Vars) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("unclosed {{ in {}", &rest[start..]))?;
        out.push_str(&value(&after[..end], vars)?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn value(name: &str, vars: &Vars) -> Result<String, String> {
    let bad = || format!("unknown template value {{{name}}}");
    let offset = |n: &str| n.trim().parse::<i64>().map_err(|_| bad());
    Ok(match name.split_once(':') {
        None => match name {
            "base" => vars.base.clone(),
            "host" => vars.host.clone(),
            "alternative" => vars.alternative.clone(),
            _ => return Err(bad()),
        },
        Some(("day", n)) => day(vars.today, offset(n)?),
        // The same date as GS1 writes it (YYMMDD, e.g. AI 17 in a Data Matrix).
        Some(("gs1day", n)) => {
            let date = day(vars.today, offset(n)?);
            date.get(2..).unwrap_or_default().replace('-', "")
        }
        Some(("time", spec)) => {
            let (n, clock) = spec.split_once(' ').ok_or_else(bad)?;
            format!("{} {clock}", day(vars.today, offset(n)?))
        }
        Some(_) => return Err(bad()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_relative_to_the_reference_date() {
        let vars = Vars {
            today: time::macros::date!(2026 - 11 - 29),
            base: "http://127.0.0.1:8080".into(),
            host: "127.0.0.1:8080".into(),
            alternative: "http://localhost:8080".into(),
        };
        assert_eq!(
            expand("{day:-2},{time:3 05:30},{base}/x", &vars),
            Ok("2026-11-27,2026-12-02 05:30,http://127.0.0.1:8080/x".into())
        );
        assert_eq!(expand("17{gs1day:33}", &vars), Ok("17270101".into()));
        assert!(expand("{nope}", &vars).is_err());
        assert!(expand("{day:x}", &vars).is_err());
    }
}
