//! The app's worker (`src/checker.rs`, started from `checker_loader.js` on the first
//! request): both ends of the typed seam of `core::protocol`. [`serve`] runs inside
//! the worker; [`WorkerClient`] is the app's side, where each request is answered on
//! its own future.

use super::fetch::{fetch_prompt, fetch_text};
use crate::core::check::{Report, Vocabulary};
use crate::core::estimate::Assessment;
use crate::core::prompt::{parse_bundle, parse_index, Prompt, Summary};
use crate::core::protocol::{
    self, handle_replay_with, Answer, Appearance, CheckJob, Envelope, ProtocolError, ReplayJob,
    ReplayReply, Reply, Request, WorkerMessage,
};
use crate::core::session::Timeline;
use futures_channel::oneshot;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Script that starts the worker, next to index.html (`checker_loader.js` beside this
/// file, copied by trunk; worker files are not content-hashed).
const WORKER_SCRIPT: &str = "checker_loader.js";

/// Why a request got no reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerError {
    /// The worker could not be started.
    Start(String),
    /// The worker failed while the request was open (it restarts on the next one).
    Crashed(String),
    /// A message could not be written or read.
    Protocol(ProtocolError),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkerError::Start(why) => write!(f, "the worker could not start ({why})"),
            WorkerError::Crashed(why) => write!(f, "the worker failed ({why})"),
            WorkerError::Protocol(e) => e.fmt(f),
        }
    }
}

/// Why `reply` is not the answer a request wanted, for the user: the worker's own
/// reason when it failed the job, else what went wrong on the way.
pub fn refusal<P: Answer>(reply: Result<P, WorkerError>) -> String {
    match reply {
        Ok(answer) => answer
            .failure()
            .unwrap_or_else(|| "the worker answered another job".into()),
        Err(e) => e.to_string(),
    }
}

/// Worker side: answers each request, fetching the prompt it needs (and the index
/// of titles, for Boards plans) the first time.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let library: Rc<RefCell<Library>> = Rc::default();
    // The checker's vocabulary, read once for every job of this worker.
    let vocabulary = Rc::new(Vocabulary::bundled());
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            let (library, scope) = (library.clone(), reply_to.clone());
            let vocabulary = vocabulary.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // An app's job, else a replay job (the history module's).
                match protocol::decode::<Envelope>(&text) {
                    Ok(Envelope { id, request }) => {
                        let wants = (request.prompt(), request.needs_index());
                        let (prompts, index) = needed(&library, wants).await;
                        let reply = protocol::handle_with(request, &prompts, &index, &vocabulary);
                        post(&scope, &WorkerMessage::Reply { id, reply });
                    }
                    Err(e) => match protocol::decode::<Envelope<ReplayJob>>(&text) {
                        Ok(Envelope { id, request }) => {
                            let (prompts, _) = needed(&library, (request.prompt(), false)).await;
                            let reply = handle_replay_with(request, &prompts, &vocabulary);
                            post(&scope, &WorkerMessage::<ReplayReply>::Reply { id, reply });
                        }
                        Err(_) => post(&scope, &WorkerMessage::<Reply>::Unreadable(e.0)),
                    },
                }
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &WorkerMessage::<Reply>::Ready);
}

/// Sends `message` to the page.
fn post<T: Serialize>(scope: &web_sys::DedicatedWorkerGlobalScope, message: &T) {
    if let Ok(text) = protocol::encode(message) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// What the worker has fetched of the prompt library. Kept only once fetched: a
/// failed fetch is tried again next time (a check then says the prompt is missing).
#[derive(Default)]
struct Library {
    prompts: Vec<Prompt>,
    index: Option<Rc<Vec<Summary>>>,
}

/// The prompts and index a request needs (the prompt it names, whether it needs the
/// index), fetched if not yet held.
async fn needed(
    library: &RefCell<Library>,
    (prompt, needs_index): (Option<&str>, bool),
) -> (Vec<Prompt>, Rc<Vec<Summary>>) {
    if let Some(id) = prompt {
        let held = library.borrow().prompts.iter().any(|p| p.id == id);
        if !held {
            if let Ok(prompt) = fetch_prompt(id, parse_bundle).await {
                library.borrow_mut().prompts.push(prompt);
            }
        }
    }
    if needs_index && library.borrow().index.is_none() {
        if let Ok(text) = fetch_text("prompts/index.txt").await {
            library.borrow_mut().index = Some(Rc::new(parse_index(&text).0));
        }
    }
    let library = library.borrow();
    let prompts = library
        .prompts
        .iter()
        .filter(|p| prompt == Some(p.id.as_str()))
        .cloned()
        .collect();
    (prompts, library.index.clone().unwrap_or_default())
}

/// Waits for the text of the worker's answer to one request.
type Waiter = oneshot::Sender<Result<String, WorkerError>>;

/// What a client reads of every message before handing it to the request it answers
/// (which reads the answer as its own type).
#[derive(Deserialize)]
enum Header {
    Ready,
    Reply { id: u64 },
    Unreadable(String),
}

/// App side: a lazily started worker. Each [`WorkerClient::call`] gets its own reply.
#[derive(Clone, Default)]
pub struct WorkerClient {
    inner: Rc<RefCell<Channel>>,
}

#[derive(Default)]
struct Channel {
    worker: Option<web_sys::Worker>,
    ready: bool,
    /// Requests made before the worker was ready, sent in order once it is.
    held: Vec<String>,
    /// Open requests by id.
    waiting: Vec<(u64, Waiter)>,
    last_id: u64,
}

impl WorkerClient {
    /// Sends `request` (a [`Request`] or a [`ReplayJob`], starting the worker if
    /// needed) and waits for its reply, read as `P` (its [`Reply`] or [`ReplayReply`]).
    pub async fn call<R: Serialize, P: DeserializeOwned>(
        &self,
        request: R,
    ) -> Result<P, WorkerError> {
        let id = self.next_id();
        let text = protocol::encode(&Envelope { id, request }).map_err(WorkerError::Protocol)?;
        let answer = self.exchange(id, text).await?;
        match protocol::decode::<WorkerMessage<P>>(&answer) {
            Ok(WorkerMessage::Reply { reply, .. }) => Ok(reply),
            Ok(_) => Err(WorkerError::Crashed("an answer of another kind".into())),
            Err(e) => Err(WorkerError::Protocol(e)),
        }
    }

    /// Sends request `id`, written as `text`, and waits for the text of its answer:
    /// the part of [`WorkerClient::call`] that is the same whatever the types.
    async fn exchange(&self, id: u64, text: String) -> Result<String, WorkerError> {
        let (sender, reply) = oneshot::channel();
        self.send(id, text, sender)?;
        reply
            .await
            .unwrap_or_else(|_| Err(WorkerError::Crashed("it stopped answering".into())))
    }

    fn next_id(&self) -> u64 {
        let mut channel = self.inner.borrow_mut();
        channel.last_id += 1;
        channel.last_id
    }

    /// Checks a board against a prompt: the report, or why not.
    pub async fn check(&self, job: CheckJob) -> Result<Report, String> {
        match self.call(Request::Check(job)).await {
            Ok(Reply::Checked(report)) => Ok(report),
            other => Err(refusal(other)),
        }
    }

    /// Evaluates a worksheet entry and compares it with `reference`.
    pub async fn estimate(&self, text: String, reference: String) -> Result<Assessment, String> {
        let request = Request::Estimate {
            text,
            reference: Some(reference),
        };
        match self.call(request).await {
            Ok(Reply::Estimated(a)) => Ok(a),
            other => Err(refusal(other)),
        }
    }

    /// When each of the prompt's components first appeared on the board of
    /// `timeline`.
    pub async fn appearances(
        &self,
        prompt: String,
        timeline: Timeline,
    ) -> Result<Vec<Appearance>, String> {
        let timeline = serde_json::to_string(&timeline).unwrap_or_default();
        match self.call(ReplayJob::Appearances { prompt, timeline }).await {
            Ok(ReplayReply::Appeared(found)) => Ok(found),
            other => Err(refusal(other)),
        }
    }

    fn send(&self, id: u64, text: String, waiter: Waiter) -> Result<(), WorkerError> {
        let mut channel = self.inner.borrow_mut();
        if channel.worker.is_none() {
            channel.ready = false;
            channel.worker = Some(self.start()?);
        }
        channel.waiting.push((id, waiter));
        if !channel.ready {
            channel.held.push(text);
        } else if let Some(worker) = &channel.worker {
            worker
                .post_message(&JsValue::from_str(&text))
                .map_err(|e| WorkerError::Start(format!("{e:?}")))?;
        }
        Ok(())
    }

    fn start(&self) -> Result<web_sys::Worker, WorkerError> {
        let worker = web_sys::Worker::new(WORKER_SCRIPT)
            .map_err(|e| WorkerError::Start(format!("{e:?}")))?;
        let inner = Rc::downgrade(&self.inner);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(inner) = inner.upgrade() else { return };
                let text = ev.data().as_string().unwrap_or_default();
                match protocol::decode::<Header>(&text) {
                    Ok(Header::Ready) => ready(&inner),
                    Ok(Header::Unreadable(why)) => {
                        fail_all(&inner, WorkerError::Crashed(why), false);
                    }
                    Ok(Header::Reply { id }) => {
                        let waiter = {
                            let mut channel = inner.borrow_mut();
                            let at = channel.waiting.iter().position(|(i, _)| *i == id);
                            at.map(|at| channel.waiting.remove(at).1)
                        };
                        if let Some(waiter) = waiter {
                            let _ = waiter.send(Ok(text));
                        }
                    }
                    Err(e) => fail_all(&inner, WorkerError::Protocol(e), false),
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let inner = Rc::downgrade(&self.inner);
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                if let Some(inner) = inner.upgrade() {
                    fail_all(&inner, WorkerError::Crashed(ev.message()), true);
                }
            });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(worker)
    }
}

/// The worker listens: sends what was held.
fn ready(inner: &Rc<RefCell<Channel>>) {
    let mut channel = inner.borrow_mut();
    channel.ready = true;
    let held = std::mem::take(&mut channel.held);
    if let Some(worker) = &channel.worker {
        for text in held {
            let _ = worker.post_message(&JsValue::from_str(&text));
        }
    }
}

/// Fails every open request; with `restart`, the next request starts a new worker.
fn fail_all(inner: &Rc<RefCell<Channel>>, error: WorkerError, restart: bool) {
    let waiting = {
        let mut channel = inner.borrow_mut();
        if restart {
            if let Some(worker) = channel.worker.take() {
                worker.terminate();
            }
            channel.held.clear();
        }
        std::mem::take(&mut channel.waiting)
    };
    for (_, waiter) in waiting {
        let _ = waiter.send(Err(error.clone()));
    }
}
