//! W3C Bitstring Status List v1.0 (`bitstring-status-list/`): peer lists
//! (including the legacy bit-order trap and lists under the 131,072-entry
//! minimum), 8-bit order vectors, derived 1- and 2-bit lists, and the spec's
//! example credentials.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Tally, read_json};
use serde_json::Value;
use tracecheck_core::credential::read_envelope;
use tracecheck_core::status::{Bitstring, StatusError, decode_encoded_list, read_status_list};

/// Checks one `status_checks` item against a decoded list.
fn check_status(list: &Bitstring, check: &Value, size: u32) -> Result<(), String> {
    let index: u64 = check["statusListIndex"]
        .as_str()
        .and_then(|i| i.parse().ok())
        .ok_or("index")?;
    let got = list.status(index, size);
    match (
        check["expected_status"].as_u64(),
        check["expected"].as_str(),
    ) {
        (Some(want), _) if got == Ok(want as u8) => Ok(()),
        (None, Some("RANGE_ERROR")) if matches!(got, Err(StatusError::IndexOutOfRange { .. })) => {
            Ok(())
        }
        _ => Err(format!("index {index}: got {got:?}, case {check}")),
    }
}

/// Checks a whole list case: length rule, then every status check.
fn check_list(case: &Value) -> Result<(), String> {
    let encoded = case["encodedList"].as_str().ok_or("encodedList")?;
    let size = case["statusSize"].as_u64().unwrap_or(1) as u32;
    let checked = decode_encoded_list(encoded, size);
    let meets_minimum = case["meets_minimum_131072_entries"]
        .as_bool()
        .unwrap_or(true);
    let list = match (checked, meets_minimum) {
        (Ok(list), true) => list,
        // Short lists are refused (STATUS_LIST_LENGTH_ERROR), but their bits
        // are still read below, to catch the legacy bit-order trap.
        (Err(StatusError::TooShort { .. }), false) => {
            Bitstring::decode(encoded).map_err(|e| format!("{e:?}"))?
        }
        (got, _) => return Err(format!("length rule: got {got:?}")),
    };
    if let Some(bits) = case["decoded_bits"].as_u64() {
        if list.entries(1) as u64 != bits {
            return Err(format!("{} bits, want {bits}", list.entries(1)));
        }
    }
    if let Some(set) = case["set_bit_positions_msb_first"].as_array() {
        for position in set.iter().filter_map(Value::as_u64) {
            if list.status(position, 1) != Ok(1) {
                return Err(format!("bit {position} not set"));
            }
        }
    }
    for check in case["status_checks"].as_array().into_iter().flatten() {
        check_status(&list, check, size)?;
    }
    Ok(())
}

#[test]
fn reads_every_list_as_the_spec_orders_its_bits() {
    let vectors = read_json("bitstring-status-list/status-list-vectors.json");
    let mut tally = Tally::new("bitstring-status-list");
    for group in ["peer_encoded_lists", "derived_encoded_lists"] {
        for case in vectors[group].as_array().expect(group) {
            let id = case["id"].as_str().unwrap_or_default();
            let result = check_list(case);
            tally.record(id, result.is_ok(), || format!("{result:?}"));
        }
    }
    for case in vectors["peer_bitstring_vectors"]
        .as_array()
        .expect("8-bit vectors")
    {
        let id = case["id"].as_str().unwrap_or_default();
        let encoded = format!(
            "u{}",
            case["encoded_no_multibase_prefix"]
                .as_str()
                .unwrap_or_default()
        );
        let set: Vec<u64> = case["set_bit_positions_msb_first"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect();
        let ok = Bitstring::decode(&encoded).is_ok_and(|list| {
            (0..8).all(|bit| list.status(bit, 1) == Ok(u8::from(set.contains(&bit))))
        });
        tally.record(id, ok, || format!("bits differ from {set:?}"));
    }
    let examples = "bitstring-status-list/spec-examples";
    for name in [
        "a-status-list-verifiable-credential",
        "example-bitstringstatuslistcredential",
    ] {
        let list = read_json(&format!("{examples}/{name}.json"));
        let status = read_status_list(&list, "revocation", 1).and_then(|l| l.status(94_567, 1));
        tally.record(name, status == Ok(0), || format!("{status:?}"));
        let wrong_purpose = read_status_list(&list, "suspension", 1);
        tally.record(
            &format!("{name} (other purpose)"),
            wrong_purpose.is_err(),
            || "a revocation list was read for suspension".into(),
        );
    }
    for (name, purposes) in [
        ("a-revocable-verifiable-credential", vec!["revocation"]),
        (
            "example-statuslistcredential-using-simple-entries",
            vec!["revocation", "suspension"],
        ),
    ] {
        let envelope = read_envelope(&read_json(&format!("{examples}/{name}.json")));
        let got: Option<Vec<String>> = envelope
            .ok()
            .map(|e| e.status.iter().map(|s| s.purpose.clone()).collect());
        let want: Vec<String> = purposes.iter().map(|p| p.to_string()).collect();
        tally.record(name, got.as_ref() == Some(&want), || format!("{got:?}"));
    }
    tally.finish();
}

#[test]
fn message_lists_carry_their_statuses_and_texts() {
    let vectors = read_json("bitstring-status-list/status-list-vectors.json");
    let case = &vectors["derived_encoded_lists"][1];
    assert_eq!(case["statusPurpose"], "message");
    let list =
        decode_encoded_list(case["encodedList"].as_str().expect("list"), 2).expect("2-bit list");
    assert_eq!(list.status(131_071, 2), Ok(3));
    // Entry 5 is bits 10 and 11 ("10"); read as 1-bit entries, index 5 is
    // another bit, so the entry's size must come from the credential.
    assert_eq!(list.status(5, 2), Ok(2));
    assert_eq!(list.status(5, 1), Ok(0));
}
