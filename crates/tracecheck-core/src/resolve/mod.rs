//! From a code to its record: which URLs may be fetched, how a GS1 linkset
//! names the product passport, and the fetch interface the caller provides.

mod fetch;
mod linkset;
mod url;

pub use fetch::{Fetch, FetchError, Progress, Request, Response, accept};
pub use linkset::{LinkChoice, LinksetError, choose_passport_link};
pub use url::{UrlError, UrlPolicy, WebUrl, is_public_host};
