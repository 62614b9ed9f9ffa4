//! What only the host can do: remember settings, publish the test state, say "ready".
//! Web glue lives here and in `main.rs` only.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
#[cfg(target_arch = "wasm32")]
pub use web::*;
#[cfg(target_arch = "wasm32")]
mod web_packs;
#[cfg(target_arch = "wasm32")]
pub use web_packs::*;
#[cfg(target_arch = "wasm32")]
mod web_class;
#[cfg(target_arch = "wasm32")]
pub use web_class::*;
#[cfg(target_arch = "wasm32")]
mod web_kiosk;
#[cfg(target_arch = "wasm32")]
pub use web_kiosk::*;
