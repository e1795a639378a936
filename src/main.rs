//! Entry point of the school's page (`index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    profkarta::start(profkarta::SchoolApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Profkarta runs in the browser: build it with `trunk build --release` (see README.md)."
    );
}
