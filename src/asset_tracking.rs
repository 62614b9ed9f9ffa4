//! The handles the loading screen waits for. Any module tracks its own (sounds in `audio`, bin art
//! in the sorting scene, …); the loading screen only reads the progress.

use bevy::asset::{LoadState, UntypedHandle};
use bevy::prelude::*;

#[derive(Resource, Default)]
pub struct AssetTracker {
    handles: Vec<UntypedHandle>,
}

/// How far loading has come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Loaded or failed.
    pub done: usize,
    pub total: usize,
    /// Why each failed handle failed.
    pub failed: Vec<String>,
}

impl AssetTracker {
    /// Starts loading `path` and counts it in the progress.
    pub fn load<A: Asset>(&mut self, server: &AssetServer, path: String) -> Handle<A> {
        let handle: Handle<A> = server.load(path);
        self.handles.push(handle.clone().untyped());
        handle
    }

    pub fn progress(&self, server: &AssetServer) -> Progress {
        let mut progress = Progress {
            total: self.handles.len(),
            ..default()
        };
        for handle in &self.handles {
            match server.load_state(handle.id()) {
                LoadState::Loaded => progress.done += 1,
                LoadState::Failed(err) => {
                    progress.done += 1;
                    progress.failed.push(err.to_string());
                }
                _ => {}
            }
        }
        progress
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<AssetTracker>();
}
