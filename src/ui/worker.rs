//! The app's worker as a service in context: `use_worker().call(request).await`.

use crate::browser::worker::{WorkerClient, WorkerError};
use crate::core::check::Report;
use crate::core::estimate::Assessment;
use crate::core::protocol::{CheckJob, Reply, Request};
use leptos::prelude::*;

/// The worker (started on the first request), shared through context.
#[derive(Clone, Copy)]
pub struct Worker(StoredValue<WorkerClient, LocalStorage>);

impl Worker {
    /// A client whose worker starts on the first request.
    pub fn new() -> Self {
        Worker(StoredValue::new_local(WorkerClient::default()))
    }

    /// Sends a request and waits for its own reply.
    pub async fn call(self, request: Request) -> Result<Reply, WorkerError> {
        let client = self.0.get_value();
        client.call(request).await
    }

    /// Checks a board against a prompt: the report, or why not.
    pub async fn check(self, job: CheckJob) -> Result<Report, String> {
        let client = self.0.get_value();
        client.check(job).await
    }

    /// Evaluates a worksheet entry (a rate shown per the time `reference` is in).
    pub async fn estimate(self, text: String, reference: String) -> Result<Assessment, String> {
        let client = self.0.get_value();
        client.estimate(text, reference).await
    }
}

/// The worker from context.
pub fn use_worker() -> Worker {
    expect_context::<Worker>()
}
