//! Whatever a pack holds, checking it never panics: any bytes as a file (JSON or a table), any
//! JSON in any file of the example pack, any value swapped in anywhere in its JSON, any bytes as
//! a zip, a real zip with bytes changed. Every problem found still has both languages.

use std::collections::BTreeMap;
use std::path::Path;

use green_actor::pack::archive::{read_zip, write_zip};
use green_actor::pack::live::{parse_files, read_folder};
use green_actor::pack::{PackReport, Problem};
use green_actor::scenes::formats;
use proptest::prelude::*;
use serde_json::Value;

type Files = BTreeMap<String, Vec<u8>>;

fn example() -> Files {
    read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/pack"))
}

fn check(files: &Files) -> PackReport {
    parse_files(files, &formats())
}

fn assert_bilingual(problems: &[Problem]) {
    for problem in problems {
        assert!(
            !problem.message.zh.trim().is_empty() && !problem.message.en.trim().is_empty(),
            "{problem:?}"
        );
    }
}

/// Any JSON value, a few levels deep, with the kinds of text a pack holds.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9_./-]{0,12}".prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_$]{1,10}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Replaces the node that `choices` leads to (each picks a child by index) with `new`.
fn replace_somewhere(value: &mut Value, choices: &[usize], new: Value) {
    let Some((&choice, rest)) = choices.split_first() else {
        *value = new;
        return;
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            let index = choice % items.len();
            replace_somewhere(&mut items[index], rest, new);
        }
        Value::Object(fields) if !fields.is_empty() => {
            let index = choice % fields.len();
            if let Some(child) = fields.values_mut().nth(index) {
                replace_somewhere(child, rest, new);
            }
        }
        _ => *value = new,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_in_any_file_of_the_example_pack_are_reported_not_panicked_on(
        which in any::<prop::sample::Index>(),
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut files = example();
        let name = which.get(&files.keys().cloned().collect::<Vec<_>>()).clone();
        files.insert(name, bytes);
        assert_bilingual(&check(&files).problems);
    }

    #[test]
    fn any_json_in_place_of_a_file_is_reported_not_panicked_on(
        which in any::<prop::sample::Index>(),
        value in json(),
    ) {
        let mut files = example();
        let name = which.get(&files.keys().cloned().collect::<Vec<_>>()).clone();
        files.insert(name, serde_json::to_vec(&value).unwrap());
        assert_bilingual(&check(&files).problems);
    }

    #[test]
    fn any_value_swapped_in_anywhere_in_the_example_pack_is_reported_not_panicked_on(
        which in any::<prop::sample::Index>(),
        choices in prop::collection::vec(any::<usize>(), 0..8),
        value in json(),
    ) {
        let mut files = example();
        let json_files: Vec<String> = files.keys().filter(|n| n.ends_with(".json")).cloned().collect();
        let name = which.get(&json_files).clone();
        let mut document: Value = serde_json::from_slice(&files[&name]).unwrap();
        replace_somewhere(&mut document, &choices, value);
        files.insert(name, serde_json::to_vec_pretty(&document).unwrap());
        let report = check(&files);
        assert_bilingual(&report.problems);
        if let Some(pack) = report.pack {
            prop_assert!(!pack.scenes.is_empty(), "a playable pack has a scene");
        }
    }

    #[test]
    fn any_bytes_as_a_zip_are_refused_or_read_never_panicked_on(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        if let Ok(files) = read_zip(&bytes) {
            assert_bilingual(&check(&files).problems);
        }
    }

    #[test]
    fn a_real_zip_with_bytes_changed_is_refused_or_read_never_panicked_on(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let (mut bytes, _) = write_zip(&example()).unwrap();
        for (at, byte) in changes {
            let index = at.index(bytes.len());
            bytes[index] = byte;
        }
        match read_zip(&bytes) {
            Ok(files) => assert_bilingual(&check(&files).problems),
            Err(message) => prop_assert!(!message.zh.is_empty() && !message.en.is_empty()),
        }
    }
}
