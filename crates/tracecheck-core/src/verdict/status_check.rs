//! Is the credential revoked, suspended, or carrying a message? Each
//! Bitstring Status List entry is read from its issuer's own signed list;
//! the worst entry decides. A list that cannot be fetched or trusted leaves
//! the status unknown: Caution, never Verified, never Counterfeit.

use super::run::{Failure, Run};
use super::{Finding, Outcome};
use crate::credential::{Envelope, StatusEntry, read_envelope};
use crate::resolve::Fetch;
use crate::status::{StatusError, read_status_list};

/// Reads every status entry; the worst one decides.
pub(super) async fn check_status<F: Fetch>(
    run: &Run<'_, F>,
    envelope: &Envelope,
    notices: &mut Vec<String>,
) -> Result<Finding, Failure> {
    if envelope.status.is_empty() && envelope.unsupported_status.is_empty() {
        return Ok(Finding::NoStatusDeclared);
    }
    let mut worst: Option<Failure> = envelope.unsupported_status.first().map(|status_type| {
        (
            Outcome::Caution,
            Finding::StatusUnsupported {
                status_type: status_type.clone(),
            },
        )
    });
    for entry in &envelope.status {
        if let Err(failure) = read_one_status(run, envelope, entry, notices).await {
            if worst
                .as_ref()
                .is_none_or(|(outcome, _)| failure.0 > *outcome)
            {
                worst = Some(failure);
            }
        }
    }
    match worst {
        Some(failure) => Err(failure),
        None => Ok(Finding::StatusClear {
            purposes: envelope.status.iter().map(|e| e.purpose.clone()).collect(),
        }),
    }
}

async fn read_one_status<F: Fetch>(
    run: &Run<'_, F>,
    envelope: &Envelope,
    entry: &StatusEntry,
    notices: &mut Vec<String>,
) -> Result<(), Failure> {
    let url = entry.list_url.clone();
    let soft = |finding| (Outcome::Caution, finding);
    let invalid = |error| {
        soft(Finding::StatusListInvalid {
            url: url.clone(),
            error,
        })
    };
    let secured = run
        .get_secured(&url)
        .await
        .map_err(|(_, finding)| match finding {
            Finding::FetchFailed { url, error } => soft(Finding::StatusUnreachable { url, error }),
            other => soft(other),
        })?;
    let untrusted = || soft(Finding::StatusListUntrusted { url: url.clone() });
    let list_envelope = read_envelope(&secured.credential).map_err(|_| untrusted())?;
    // The list must be the credential issuer's own, properly signed.
    if list_envelope.issuer != envelope.issuer {
        return Err(untrusted());
    }
    run.check_signature(&secured, &list_envelope)
        .await
        .map_err(|_| untrusted())?;
    if list_envelope
        .valid_from
        .is_some_and(|from| run.ctx.now < from)
    {
        return Err(invalid(StatusError::NotYetValid));
    }
    let list =
        read_status_list(&secured.credential, &entry.purpose, entry.size).map_err(invalid)?;
    let status = list.status(entry.index, entry.size).map_err(invalid)?;
    let stale = list_envelope
        .valid_until
        .is_some_and(|until| run.ctx.now > until);
    let message = entry
        .messages
        .iter()
        .find(|m| m.status == status)
        .map(|m| m.message.clone());
    match (entry.purpose.as_str(), status) {
        // A clear status from an out-of-date list proves little.
        (_, 0) if stale => Err(soft(Finding::StatusListStale { url })),
        ("revocation", 0) | ("suspension", 0) => Ok(()),
        ("revocation", _) => Err((Outcome::Counterfeit, Finding::Revoked { list: url })),
        ("suspension", _) => Err((Outcome::Counterfeit, Finding::Suspended { list: url })),
        // `message` (and purposes we do not know): the text reaches the user.
        (_, status) => {
            notices.extend(message.clone());
            if status == 0 {
                Ok(())
            } else {
                Err(soft(Finding::StatusMessage { status, message }))
            }
        }
    }
}
