//! The checklist runs in a web worker (`src/checker.rs`, loaded from
//! `checker_loader.js` the first time a check is asked for). This module is both ends
//! of that channel: [`serve`] inside the worker, [`CheckWorker`] in the app. Messages
//! are JSON text (`core::check::wire`).

use super::fetch::fetch_text;
use crate::core::check::wire::{answer, CheckRequest};
use crate::core::prompt::{parse_bundle, Prompt};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the worker says once it listens: messages sent before that would be lost
/// (its wasm starts asynchronously), so the app holds its request until then.
const READY: &str = "ready";

/// Script that starts the worker, next to index.html (Trunk's loader shim for the
/// `checker` binary; worker files are not content-hashed).
const WORKER_SCRIPT: &str = "checker_loader.js";

/// Worker side: answers each request; the prompt library is fetched once.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let prompts: Rc<RefCell<Option<Rc<Vec<Prompt>>>>> = Rc::new(RefCell::new(None));
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = ev.data().as_string().unwrap_or_default();
            let prompts = prompts.clone();
            let scope = reply_to.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let library = prompts.borrow().clone();
                let library = match library {
                    Some(library) => library,
                    // Kept only once fetched: a failed fetch is tried again next time.
                    None => match fetch_text("prompts.txt").await {
                        Ok(text) => {
                            let library = Rc::new(parse_bundle(&text).0);
                            *prompts.borrow_mut() = Some(library.clone());
                            library
                        }
                        // Exports do not need the library; checks will say it is missing.
                        Err(_) => Rc::new(Vec::new()),
                    },
                };
                let _ = scope.post_message(&JsValue::from_str(&answer(&request, &library)));
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// App side: a lazily started worker and the callback that receives its answers
/// (text in the `core::check::wire` answer format).
pub struct CheckWorker {
    worker: Option<web_sys::Worker>,
    on_response: Rc<dyn Fn(String)>,
    ready: Rc<Cell<bool>>,
    /// Requests made before the worker was ready, sent in order once it is.
    held: Rc<RefCell<Vec<String>>>,
}

impl CheckWorker {
    /// A client whose answers (and failures, as `0\n!why` answers) go to
    /// `on_response`. The worker starts on the first request.
    pub fn new(on_response: impl Fn(String) + 'static) -> Self {
        CheckWorker {
            worker: None,
            on_response: Rc::new(on_response),
            ready: Rc::new(Cell::new(false)),
            held: Rc::new(RefCell::new(Vec::new())),
        }
    }

    /// Sends a request, starting the worker if needed; requests made before it is
    /// ready are held (stale answers are dropped by their sequence numbers).
    pub fn request(&mut self, request: &CheckRequest) -> Result<(), String> {
        if self.worker.is_none() {
            self.worker = Some(self.start()?);
        }
        let text = serde_json::to_string(request).map_err(|e| e.to_string())?;
        if !self.ready.get() {
            self.held.borrow_mut().push(text);
            return Ok(());
        }
        self.worker
            .as_ref()
            .ok_or("no worker")?
            .post_message(&JsValue::from_str(&text))
            .map_err(|e| format!("{e:?}"))
    }

    fn start(&self) -> Result<web_sys::Worker, String> {
        let worker = web_sys::Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"))?;
        let deliver = self.on_response.clone();
        let (ready, held, sender) = (self.ready.clone(), self.held.clone(), worker.clone());
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let text = ev.data().as_string().unwrap_or_default();
                if text == READY {
                    ready.set(true);
                    for request in held.borrow_mut().drain(..) {
                        let _ = sender.post_message(&JsValue::from_str(&request));
                    }
                    return;
                }
                deliver(text);
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let fail = self.on_response.clone();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                fail(format!("0\n!the check could not run ({})", ev.message()));
            });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(worker)
    }
}
