//! Is the credential revoked, suspended, recalled, or carrying a message?
//! Each Bitstring Status List entry is read from its issuer's own signed
//! list; the worst entry decides. A list that cannot be fetched or trusted
//! leaves the status unknown: Caution, never Verified, never Counterfeit.
//!
//! A recall is its own purpose, `recall` (tracecheck's, beside the REC's
//! `revocation`, `suspension` and `message`): a set bit means the producer
//! asks people not to use the batch. It is told apart by that code, never
//! by the words of a status message; a recall explains a revocation of the
//! same record, so the two together read as a recall.

use futures_util::future::join_all;
use time::OffsetDateTime;

use super::fetcher::{Failure, Fetcher};
use super::signature::check_signature;
use super::{Finding, Outcome};
use crate::credential::{Envelope, StatusEntry, read_envelope};
use crate::resolve::Fetch;
use crate::status::{StatusError, read_status_list};

/// What a status entry reads.
pub(super) struct Reading {
    /// The entry's value (0: not set).
    pub status: u8,
    /// The entry's message for that value, if it gives one.
    pub message: Option<String>,
}

/// Reads every status entry of `envelope`; the worst one decides. Returns
/// the messages set (e.g. a recall notice) beside the result.
pub(super) async fn check_status<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    envelope: &Envelope,
    now: OffsetDateTime,
) -> (Result<Finding, Failure>, Vec<String>) {
    if envelope.status.is_empty() && envelope.unsupported_status.is_empty() {
        return (Ok(Finding::NoStatusDeclared), Vec::new());
    }
    let mut worst: Option<Failure> = envelope.unsupported_status.first().map(|status_type| {
        (
            Outcome::Caution,
            Finding::StatusUnsupported {
                status_type: status_type.clone(),
            },
        )
    });
    let readings = join_all(
        envelope
            .status
            .iter()
            .map(|entry| read_entry(fetcher, &envelope.issuer, entry, now)),
    )
    .await;
    let mut notices = Vec::new();
    let mut recall = None;
    for (entry, reading) in envelope.status.iter().zip(readings) {
        let judged = reading.and_then(|reading| judge(entry, reading, &mut notices));
        match judged {
            Err(failure @ (Outcome::Recalled, _)) => recall = Some(failure),
            Err(failure)
                if worst
                    .as_ref()
                    .is_none_or(|(outcome, _)| failure.0 > *outcome) =>
            {
                worst = Some(failure);
            }
            _ => {}
        }
    }
    // The only harder status findings are a revocation or suspension,
    // which a recall of the same record explains.
    if recall.is_some() {
        worst = recall;
    }
    let result = match worst {
        Some(failure) => Err(failure),
        None => Ok(Finding::StatusClear {
            purposes: envelope.status.iter().map(|e| e.purpose.clone()).collect(),
        }),
    };
    (result, notices)
}

/// What a reading means for a credential.
fn judge(entry: &StatusEntry, reading: Reading, notices: &mut Vec<String>) -> Result<(), Failure> {
    let list = entry.list_url.clone();
    match (entry.purpose.as_str(), reading.status) {
        ("revocation", 0) | ("suspension", 0) => Ok(()),
        ("revocation", _) => Err((Outcome::Counterfeit, Finding::Revoked { list })),
        ("suspension", _) => Err((Outcome::Counterfeit, Finding::Suspended { list })),
        ("recall", 0) => Ok(()),
        ("recall", _) => {
            notices.extend(reading.message.clone());
            Err((Outcome::Recalled, Finding::Recalled { list }))
        }
        // `message` (and purposes we do not know): the text reaches the user.
        (_, status) => {
            notices.extend(reading.message.clone());
            if status == 0 {
                Ok(())
            } else {
                Err((
                    Outcome::Caution,
                    Finding::StatusMessage {
                        status,
                        message: reading.message,
                    },
                ))
            }
        }
    }
}

/// Reads one entry from its list, which must be `issuer`'s own, signed by
/// the same rule as every credential, and current. Failures are soft.
pub(super) async fn read_entry<F: Fetch>(
    fetcher: &Fetcher<'_, F>,
    issuer: &str,
    entry: &StatusEntry,
    now: OffsetDateTime,
) -> Result<Reading, Failure> {
    let url = entry.list_url.clone();
    let soft = |finding| (Outcome::Caution, finding);
    let invalid = |error| {
        soft(Finding::StatusListInvalid {
            url: url.clone(),
            error,
        })
    };
    let secured = fetcher
        .get_secured(&url)
        .await
        .map_err(|(_, finding)| match finding {
            Finding::FetchFailed { url, error } => soft(Finding::StatusUnreachable { url, error }),
            other => soft(other),
        })?;
    let untrusted = || soft(Finding::StatusListUntrusted { url: url.clone() });
    let list_envelope = read_envelope(&secured.credential).map_err(|_| untrusted())?;
    if list_envelope.issuer != issuer {
        return Err(untrusted());
    }
    check_signature(fetcher, &secured, &list_envelope, now)
        .await
        .map_err(|_| untrusted())?;
    if list_envelope.valid_from.is_some_and(|from| now < from) {
        return Err(invalid(StatusError::NotYetValid));
    }
    let list =
        read_status_list(&secured.credential, &entry.purpose, entry.size).map_err(invalid)?;
    let status = list.status(entry.index, entry.size).map_err(invalid)?;
    let stale = list_envelope.valid_until.is_some_and(|until| now > until);
    // A clear status from an out-of-date list proves little.
    if status == 0 && stale {
        return Err(soft(Finding::StatusListStale { url }));
    }
    let message = entry
        .messages
        .iter()
        .find(|m| m.status == status)
        .map(|m| m.message.clone());
    Ok(Reading { status, message })
}
