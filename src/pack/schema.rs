//! JSON Schemas for every pack file, generated from the types the checker reads, so that an editor
//! completes and checks a pack's fields when a file names its schema
//! (`"$schema": "../schema/pack.schema.json"`). Committed in `docs/schema/`; a test keeps them
//! up to date.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::json;

use super::{Manifest, SceneFormats};

/// Where the schemas are committed, from the repository's root.
pub const SCHEMA_DIR: &str = "docs/schema";

/// The schema of a file whose contents are `T`. Draft 7, which most editors check fully; the
/// `$schema` key a file may start with is allowed (the checker ignores it).
pub fn schema_of<T: JsonSchema>(title: &str) -> Schema {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(|properties| properties.as_object_mut())
    {
        properties.insert(
            "$schema".to_string(),
            json!({
                "type": "string",
                "description": "这个文件的结构说明（JSON Schema），供编辑器提示和检查 / The JSON Schema of this file, for editors"
            }),
        );
    }
    schema.insert("title".to_string(), title.into());
    schema
}

/// Every pack file's schema as (file name, pretty JSON text).
pub fn all(formats: &SceneFormats) -> Vec<(String, String)> {
    let manifest = schema_of::<Manifest>("内容包清单 pack.json / A pack's manifest, pack.json");
    std::iter::once(("pack", manifest))
        .chain(formats.all().flat_map(|format| format.schemas()))
        .map(|(name, schema)| {
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
            (format!("{name}.schema.json"), text)
        })
        .collect()
}
