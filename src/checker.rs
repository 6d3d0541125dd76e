//! Entry point of the checklist web worker (see `browser::check_worker`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    breadthfirst::browser::check_worker::serve();
}
