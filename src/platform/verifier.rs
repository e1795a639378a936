//! Signature checks in Web Workers, so that a large import, or reopening a
//! large workspace, uses every core: the page reads the files, scores and
//! files them, while the workers do the curve arithmetic
//! ([`verifies`], most of a check's cost). Both sides of the exchange are
//! here, so that its messages are defined once.
//!
//! The page never waits for a worker: a batch goes to a worker only if one
//! has loaded, and everything is checked on the page while none has, or if
//! none ever does (an old browser, a blocked script, a crash).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Uint8Array};
use profkarta_core::department::archive::verifies;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker's script, built by Trunk from `src/bin/proverka.rs` beside
/// the department's page (its `data-loader-shim` link in otdel/index.html).
const SCRIPT: &str = "proverka_loader.js";

/// At most this many workers, whatever the machine: the page's own share
/// (reading, scoring, filing) needs a core too.
const MAX_WORKERS: usize = 3;

/// A worker and the answers it still owes, in the order asked.
struct Lane {
    worker: web_sys::Worker,
    ready: Rc<Cell<bool>>,
    failed: Rc<Cell<bool>>,
    /// The resolve functions of the batches sent and not yet answered.
    owed: Rc<RefCell<VecDeque<Function>>>,
}

impl Lane {
    fn start() -> Option<Self> {
        let worker = web_sys::Worker::new(SCRIPT).ok()?;
        let lane = Self {
            worker,
            ready: Rc::default(),
            failed: Rc::default(),
            owed: Rc::default(),
        };
        let (ready, owed) = (Rc::clone(&lane.ready), Rc::clone(&lane.owed));
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if data.is_instance_of::<Uint8Array>() {
                    if let Some(resolve) = owed.borrow_mut().pop_front() {
                        let _ = resolve.call1(&JsValue::NULL, &data);
                    }
                } else {
                    ready.set(true);
                }
            });
        lane.worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // A script that cannot load, or a crash: what it owes is checked on
        // the page, and the lane takes nothing more.
        let (failed, owed, worker) = (
            Rc::clone(&lane.failed),
            Rc::clone(&lane.owed),
            lane.worker.clone(),
        );
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            failed.set(true);
            worker.terminate();
            for resolve in owed.borrow_mut().drain(..) {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        });
        lane.worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Some(lane)
    }

    fn usable(&self) -> bool {
        self.ready.get() && !self.failed.get()
    }

    fn send(&self, files: &[Option<&[u8]>]) -> Option<Promise> {
        let batch = Array::new();
        let transfer = Array::new();
        for bytes in files {
            let copy = Uint8Array::from(bytes.unwrap_or_default());
            transfer.push(&copy.buffer());
            batch.push(&copy);
        }
        self.worker
            .post_message_with_transfer(&batch, &transfer)
            .ok()?;
        let owed = Rc::clone(&self.owed);
        Some(Promise::new(&mut |resolve, _| {
            owed.borrow_mut().push_back(resolve)
        }))
    }
}

/// The page's workers, started once.
#[derive(Default)]
struct Pool {
    lanes: Vec<Lane>,
    next: Cell<usize>,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
}

/// Starts the workers (one per core but one, at least one, at most
/// [`MAX_WORKERS`]), to load while the page starts.
pub fn start() {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1);
    let count = cores.saturating_sub(1).clamp(1, MAX_WORKERS);
    let lanes = (0..count).filter_map(|_| Lane::start()).collect();
    POOL.with_borrow_mut(|pool| pool.lanes = lanes);
}

/// Sends a batch (`None` for a file that could not be read) to the next
/// loaded worker. The answer is, per file, whether [`verifies`] accepted
/// it, or `None` if the worker failed. `None` at once when no worker is
/// loaded: the page checks the batch itself.
pub fn send(files: &[Option<&[u8]>]) -> Option<impl Future<Output = Option<Vec<bool>>>> {
    let promise = POOL.with_borrow(|pool| {
        let count = pool.lanes.len();
        (0..count)
            .map(|k| (pool.next.get() + k) % count)
            .find(|&i| pool.lanes[i].usable())
            .and_then(|i| {
                pool.next.set(i + 1);
                pool.lanes[i].send(files)
            })
    })?;
    Some(async move {
        let answer = JsFuture::from(promise).await.ok()?;
        let verdicts = answer.dyn_into::<Uint8Array>().ok()?.to_vec();
        Some(verdicts.into_iter().map(|v| v == 1).collect())
    })
}

/// The worker's side (`src/bin/proverka.rs`): says it has loaded, then
/// answers every batch with one byte per file, 1 when it verifies.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let verdicts: Vec<u8> = Array::from(&e.data())
                .iter()
                .map(|file| u8::from(verifies(&Uint8Array::new(&file).to_vec())))
                .collect();
            let _ = reply.post_message(&Uint8Array::from(&verdicts[..]));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::TRUE);
}
