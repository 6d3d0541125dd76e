//! Entry point: mounts the app. Everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    breadthfirst::ui::mount();
}
