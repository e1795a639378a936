//! Entry point of the department's page (`otdel/`): a separate wasm bundle,
//! so that a school's browser never downloads the department's code.

#[cfg(target_arch = "wasm32")]
fn main() {
    profkarta::start(profkarta::DepartmentApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The department's page runs in the browser: see README.md.");
}
