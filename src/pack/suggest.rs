//! "Did you mean …?": the known names nearest to a name a pack got wrong, so a problem says how
//! to fix it (an unknown bin "recycle" → "recyclable"; an icon that does not exist → the nearest).

use super::text::Localized;

/// The problem for a reference to an entry that was in the file but left out for errors of its
/// own: saying "there is no such item" would send a teacher looking for a typo.
pub fn left_out(kind: (&str, &str), id: &str) -> Localized {
    Localized::new(
        format!("{}「{id}」有错误，已被跳过（见它自己的问题）", kind.0),
        format!(
            "{} \"{id}\" has errors of its own and was left out (see its problems)",
            kind.1
        ),
    )
}

/// At most this many suggestions.
const MOST: usize = 3;
/// Lists longer than this get no suggestions: each check stays bounded however large a pack is.
const MOST_CANDIDATES: usize = 1000;
/// A name is suggested when it is at least this similar (normalised Damerau–Levenshtein, 0–1)...
const LEAST_SIMILARITY: f64 = 0.6;

/// The known names nearest to `unknown`, best first: names that contain it or that it contains,
/// then names similar enough in spelling.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = unknown.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let contained = lower.contains(&wanted) || wanted.contains(&lower);
            let similarity = strsim::normalized_damerau_levenshtein(&wanted, &lower);
            let score = if contained {
                1.0 + similarity
            } else {
                similarity
            };
            (score >= LEAST_SIMILARITY).then_some((score, name))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(MOST)
        .map(|(_, name)| name)
        .collect()
}

/// Adds the known names nearest to `unknown` to a "no such name" message, in both languages:
/// "… (did you mean "recyclable"?)" / "…（是不是想写「recyclable」？）". Unchanged when none is near.
pub fn with_suggestion(mut message: Localized, unknown: &str, known: &[&str]) -> Localized {
    if known.len() > MOST_CANDIDATES {
        return message;
    }
    let near = nearest(unknown, known.iter().copied());
    if !near.is_empty() {
        let zh: Vec<String> = near.iter().map(|name| format!("「{name}」")).collect();
        let en: Vec<String> = near.iter().map(|name| format!("\"{name}\"")).collect();
        message
            .zh
            .push_str(&format!("（是不是想写{}？）", zh.join("或")));
        message
            .en
            .push_str(&format!(" (did you mean {}?)", en.join(" or ")));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    const BINS: [&str; 4] = ["recyclable", "hazardous", "food", "residual"];

    #[test]
    fn a_near_miss_suggests_the_name_it_misses() {
        assert_eq!(nearest("recycle", BINS), ["recyclable"]);
        assert_eq!(nearest("Hazardus", BINS), ["hazardous"]);
        assert_eq!(
            nearest("kitchen", BINS),
            Vec::<&str>::new(),
            "nothing near: no guess"
        );
    }

    #[test]
    fn names_containing_the_word_come_first_and_at_most_three() {
        let icons = [
            "automobile",
            "oncoming-automobile",
            "bus",
            "police-car",
            "taxi",
        ];
        let near = nearest("car", icons);
        assert_eq!(
            near[0], "police-car",
            "contains the word, and shortest to edit"
        );
        assert!(near.len() <= 3);
    }

    #[test]
    fn the_message_says_both_languages_and_the_suggestion() {
        let message = with_suggestion(
            Localized::new(
                "没有 id 为「recycle」的垃圾桶",
                "there is no bin with id \"recycle\"",
            ),
            "recycle",
            &BINS,
        );
        assert_eq!(
            message.en,
            "there is no bin with id \"recycle\" (did you mean \"recyclable\"?)"
        );
        assert_eq!(
            message.zh,
            "没有 id 为「recycle」的垃圾桶（是不是想写「recyclable」？）"
        );
        let far = Localized::new("没有", "none");
        assert_eq!(with_suggestion(far.clone(), "kitchen", &BINS), far);
    }
}
