//! Entry point of the app's web worker (see `browser::worker`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    breadthfirst::browser::worker::serve();
}
