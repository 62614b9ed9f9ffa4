//! Reads a pack folder through Bevy's asset system: `pack.json` plus every file it names, as
//! text. Checking happens later, with the scene formats this build registered.

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;

use super::{Files, files_named_in};

/// A pack's files as read, before checking.
#[derive(Asset, TypePath, Debug, Clone)]
pub struct PackFiles {
    pub manifest_text: String,
    pub files: Files,
}

#[derive(Default, TypePath)]
pub struct PackLoader;

#[derive(Debug, thiserror::Error)]
pub enum PackLoadError {
    #[error("cannot read pack.json: {0}")]
    Io(#[from] std::io::Error),
    #[error("pack.json is not UTF-8 text")]
    NotText,
}

impl AssetLoader for PackLoader {
    type Asset = PackFiles;
    type Settings = ();
    type Error = PackLoadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<PackFiles, PackLoadError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let manifest_text = super::live::utf8_text(bytes).map_err(|_| PackLoadError::NotText)?;
        let folder = load_context
            .path()
            .path()
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default();
        let mut files = Files::new();
        for name in files_named_in(&manifest_text) {
            let path = folder.join(&name);
            let text = match load_context.read_asset_bytes(path).await {
                Ok(bytes) => super::live::utf8_text(bytes),
                Err(err) => Err(err.to_string()),
            };
            files.insert(name, text);
        }
        Ok(PackFiles {
            manifest_text,
            files,
        })
    }

    fn extensions(&self) -> &[&str] {
        &["pack.json"]
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_asset::<PackFiles>()
        .init_asset_loader::<PackLoader>();
}
