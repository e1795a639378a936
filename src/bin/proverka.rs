//! The department page's worker (`proverka`, "check"): verifies the
//! signatures of a large import off the page's thread. Trunk builds it
//! beside the page (otdel/index.html); the exchange is in
//! `platform::verifier`.

#[cfg(target_arch = "wasm32")]
fn main() {
    profkarta::serve_verifier();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The department page's worker runs in the browser: see README.md.");
}
