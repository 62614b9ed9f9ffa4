//! How the travel scene says its figures in each language: CO₂ in grams or kilograms, minutes or
//! hours, yuan, and a way to go as its modes' names.

use super::format::{Choice, TravelData};
use crate::pack::{Lang, Localized};

/// Below this many grams, CO₂ is said in grams (rounded to tens); from it on, in kilograms.
const GRAMS_UP_TO: f32 = 1000.0;
/// From this many minutes on, time is said in hours and minutes.
const MINUTES_UP_TO: f32 = 90.0;

/// "0 克" / "340 克" / "1.7 千克" (and "g" / "kg").
pub fn co2(grams: f32, lang: Lang) -> String {
    let grams = grams.max(0.0);
    if grams < GRAMS_UP_TO {
        let tens = ((grams / 10.0).round() * 10.0) as u32;
        match lang {
            Lang::Zh => format!("{tens} 克"),
            Lang::En => format!("{tens} g"),
        }
    } else {
        let kg = grams / 1000.0;
        let kg = if kg < 100.0 {
            format!("{kg:.1}")
        } else {
            format!("{kg:.0}")
        };
        match lang {
            Lang::Zh => format!("{kg} 千克"),
            Lang::En => format!("{kg} kg"),
        }
    }
}

/// Kilometres to a tenth under ten, whole from ten up: "2.4", "600".
pub fn km(km: f32) -> String {
    if km < 10.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    }
}

/// "25 分钟" / "2 小时 5 分钟" (and "25 min" / "2 h 5 min").
pub fn minutes(minutes: f32, lang: Lang) -> String {
    let total = minutes.max(0.0).round() as u32;
    if (total as f32) < MINUTES_UP_TO {
        return match lang {
            Lang::Zh => format!("{total} 分钟"),
            Lang::En => format!("{total} min"),
        };
    }
    let (hours, rest) = (total / 60, total % 60);
    match (lang, rest) {
        (Lang::Zh, 0) => format!("{hours} 小时"),
        (Lang::Zh, _) => format!("{hours} 小时 {rest} 分钟"),
        (Lang::En, 0) => format!("{hours} h"),
        (Lang::En, _) => format!("{hours} h {rest} min"),
    }
}

/// "免费" / "4 元" (and "free" / "¥4"), whole yuan from 10 up, otherwise to the jiao.
pub fn yuan(yuan: f32, lang: Lang) -> String {
    let yuan = yuan.max(0.0);
    if yuan < 0.05 {
        return match lang {
            Lang::Zh => "免费".into(),
            Lang::En => "free".into(),
        };
    }
    let amount = if yuan >= 10.0 || (yuan - yuan.round()).abs() < 0.05 {
        format!("{:.0}", yuan.round())
    } else {
        format!("{yuan:.1}")
    };
    match lang {
        Lang::Zh => format!("{amount} 元"),
        Lang::En => format!("¥{amount}"),
    }
}

/// The way to go as its modes' names: "步行 + 轨道交通" / "Walking + Metro". A mode that comes
/// back (walk, cableway, walk) is named once.
pub fn choice_name(data: &TravelData, choice: &Choice) -> Localized {
    let ids = choice.modes();
    let names = |lang: Lang| {
        ids.iter()
            .map(|id| {
                data.mode(id)
                    .map_or_else(|| id.to_string(), |mode| mode.name.get(lang).to_string())
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    Localized::new(names(Lang::Zh), names(Lang::En))
}

/// The same text in both languages, built by one function of the language.
pub fn both(say: impl Fn(Lang) -> String) -> Localized {
    Localized::new(say(Lang::Zh), say(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co2_is_said_in_grams_below_a_kilogram_and_in_kilograms_from_it() {
        assert_eq!(co2(0.0, Lang::Zh), "0 克");
        assert_eq!(co2(336.0, Lang::En), "340 g");
        assert_eq!(co2(1700.0, Lang::Zh), "1.7 千克");
        assert_eq!(co2(51_000.0, Lang::En), "51.0 kg");
        assert_eq!(co2(153_000.0, Lang::En), "153 kg");
    }

    #[test]
    fn distances_are_said_to_a_tenth_only_when_short() {
        assert_eq!(km(2.44), "2.4");
        assert_eq!(km(600.0), "600");
    }

    #[test]
    fn time_is_said_in_minutes_then_hours() {
        assert_eq!(minutes(24.6, Lang::Zh), "25 分钟");
        assert_eq!(minutes(125.0, Lang::Zh), "2 小时 5 分钟");
        assert_eq!(minutes(120.0, Lang::En), "2 h");
        assert_eq!(minutes(89.0, Lang::En), "89 min");
    }

    #[test]
    fn money_is_free_whole_yuan_or_to_the_jiao() {
        assert_eq!(yuan(0.0, Lang::Zh), "免费");
        assert_eq!(yuan(2.0, Lang::Zh), "2 元");
        assert_eq!(yuan(1.5, Lang::En), "¥1.5");
        assert_eq!(yuan(23.4, Lang::En), "¥23");
    }
}
