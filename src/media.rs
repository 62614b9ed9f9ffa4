//! The text font: the subset Noto Sans SC, drawn by egui (screens and labels in the world alike).

pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-GreenActor.otf");
