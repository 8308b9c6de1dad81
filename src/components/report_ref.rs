//! A verification's report as components hand it to each other.

use std::ops::Deref;
use std::rc::Rc;

use tracecheck_core::verdict::Report;

/// One report, shared: equal only to itself. A report is never changed
/// once made, so comparing by identity is exact, and the page carries no
/// field-by-field comparison and copy of every type a report holds (Yew
/// compares a component's properties on each render of its parent); a
/// property of the report's own `Vec`s cost about 15 KB of WebAssembly
/// (docs/performance.md).
#[derive(Clone)]
pub struct ReportRef(Rc<Report>);

impl ReportRef {
    /// An address that names this report while it lives.
    pub fn id(&self) -> *const Report {
        Rc::as_ptr(&self.0)
    }
}

impl From<Rc<Report>> for ReportRef {
    fn from(report: Rc<Report>) -> Self {
        Self(report)
    }
}

impl From<&Rc<Report>> for ReportRef {
    fn from(report: &Rc<Report>) -> Self {
        Self(Rc::clone(report))
    }
}

impl Deref for ReportRef {
    type Target = Report;

    fn deref(&self) -> &Report {
        &self.0
    }
}

impl PartialEq for ReportRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
