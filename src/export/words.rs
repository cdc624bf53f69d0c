//! Every word the export writes itself, one table per post language, and the dates written
//! in each language. The post's language is the trip's (or the one the user picks for this
//! export); the user's own text is never translated. The template sees the table as `labels`.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::model::{EntryKind, MealType, PostLanguage, TalkSlot, TalkTime};
use chrono_tz::Tz;

/// The words of one post language.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    /// The language's tag for the page (`en`, `zh-Hans`, `de`).
    pub tag: &'static str,
    /// After a label: ": " in English and German, a full-width "：" (no space) in Chinese.
    pub label_end: &'static str,
    /// The colon inside a bold label ("**When:**", "**时间：**").
    pub colon: &'static str,
    pub author: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub my_talk: &'static str,
    pub speakers: &'static str,
    pub when: &'static str,
    pub location: &'static str,
    pub track: &'static str,
    pub minutes: &'static str,
    pub slides: &'static str,
    pub usefulness: &'static str,
    /// Between a meal and its venue: "Lunch at Hofbräu".
    pub at: &'static str,
    pub dishes: &'static str,
    pub dish: &'static str,
    pub venue: &'static str,
    pub price: &'static str,
    pub rating: &'static str,
    pub source: &'static str,
    pub own_visit: &'static str,
    pub notes: &'static str,
    pub takeaways: &'static str,
    pub food_ranking: &'static str,
    pub gallery: &'static str,
    /// The link to a session's page in the conference schedule.
    pub talk_page: &'static str,
    /// The closing list of the schedule's talks the author attended.
    pub talks_attended: &'static str,
    /// The closing list of talks whose recordings the author wants to watch.
    pub to_watch: &'static str,
    /// Taste, value, service, atmosphere.
    pub sub_ratings: [&'static str; 4],
    /// Breakfast, lunch, dinner, snack, and a meal of no type.
    pub meals: [&'static str; 5],
    /// Session, meal, food rating, note.
    pub kinds: [&'static str; 4],
    pub kinds_plural: [&'static str; 4],
    /// Written as `{day}` `{n}`: "Day 2", "第2天", "Tag 2".
    pub day_number: &'static str,
    /// Between a title and a photo's number, for the alt text of uncaptioned photos:
    /// "Currywurst, photo 2".
    pub photo_number: &'static str,
    /// A programme item that lasts the day: "all day", "全天", "ganztägig".
    pub all_day: &'static str,
    #[serde(skip)]
    months: [&'static str; 12],
    #[serde(skip)]
    weekdays: [&'static str; 7],
}

const ENGLISH: Words = Words {
    tag: "en",
    label_end: ": ",
    colon: ":",
    author: "Author",
    date: "Date",
    place: "Place",
    my_talk: "My talk",
    speakers: "Speakers",
    when: "When",
    location: "Where",
    track: "track",
    minutes: "min",
    slides: "Slides / video",
    usefulness: "Usefulness",
    at: " at ",
    dishes: "Dishes",
    dish: "Dish",
    venue: "Venue",
    price: "Price",
    rating: "Rating",
    source: "Source",
    own_visit: "own visit",
    notes: "Notes",
    takeaways: "Takeaways",
    food_ranking: "Food ranking",
    gallery: "Gallery",
    talk_page: "Talk page",
    talks_attended: "Talks I attended",
    to_watch: "To watch",
    sub_ratings: ["taste", "value", "service", "atmosphere"],
    meals: ["Breakfast", "Lunch", "Dinner", "Snack", "Meal"],
    kinds: ["Session", "Meal", "Food rating", "Note"],
    kinds_plural: ["Sessions", "Meals", "Food ratings", "Notes"],
    day_number: "Day {n}",
    photo_number: ", photo ",
    all_day: "all day",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
};

const CHINESE: Words = Words {
    tag: "zh-Hans",
    label_end: "：",
    colon: "：",
    author: "作者",
    date: "日期",
    place: "地点",
    my_talk: "我的演讲",
    speakers: "演讲者",
    when: "时间",
    location: "地点",
    track: "分会场",
    minutes: "分钟",
    slides: "幻灯片 / 视频",
    usefulness: "实用度",
    at: "，",
    dishes: "菜品",
    dish: "菜品",
    venue: "餐厅",
    price: "价格",
    rating: "评分",
    source: "来源",
    own_visit: "亲自品尝",
    notes: "笔记",
    takeaways: "收获",
    food_ranking: "美食排行",
    gallery: "相册",
    talk_page: "演讲页面",
    talks_attended: "我听过的演讲",
    to_watch: "待看的录像",
    sub_ratings: ["口味", "性价比", "服务", "环境"],
    meals: ["早餐", "午餐", "晚餐", "小吃", "用餐"],
    kinds: ["演讲", "用餐", "美食评分", "随笔"],
    kinds_plural: ["演讲", "用餐", "美食评分", "随笔"],
    day_number: "第{n}天",
    photo_number: "，照片 ",
    all_day: "全天",
    months: [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ],
    weekdays: [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ],
};

const GERMAN: Words = Words {
    tag: "de",
    label_end: ": ",
    colon: ":",
    author: "Autor",
    date: "Datum",
    place: "Ort",
    my_talk: "Mein Vortrag",
    speakers: "Vortragende",
    when: "Wann",
    location: "Wo",
    track: "Track",
    minutes: "Min.",
    slides: "Folien / Video",
    usefulness: "Nutzen",
    at: " im ",
    dishes: "Gerichte",
    dish: "Gericht",
    venue: "Lokal",
    price: "Preis",
    rating: "Bewertung",
    source: "Quelle",
    own_visit: "eigener Besuch",
    notes: "Notizen",
    takeaways: "Erkenntnisse",
    food_ranking: "Essens-Rangliste",
    gallery: "Galerie",
    talk_page: "Vortragsseite",
    talks_attended: "Vorträge, die ich gehört habe",
    to_watch: "Zum Nachschauen",
    sub_ratings: ["Geschmack", "Preis-Leistung", "Service", "Ambiente"],
    meals: [
        "Frühstück",
        "Mittagessen",
        "Abendessen",
        "Imbiss",
        "Mahlzeit",
    ],
    kinds: ["Vortrag", "Mahlzeit", "Essensbewertung", "Notiz"],
    kinds_plural: ["Vorträge", "Mahlzeiten", "Essensbewertungen", "Notizen"],
    day_number: "Tag {n}",
    photo_number: ", Foto ",
    all_day: "ganztägig",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
};

/// The words of `language`.
pub fn words(language: PostLanguage) -> &'static Words {
    match language {
        PostLanguage::English => &ENGLISH,
        PostLanguage::Chinese => &CHINESE,
        PostLanguage::German => &GERMAN,
    }
}

impl Words {
    /// "Session", "演讲", "Vortrag".
    /// The alt text of an uncaptioned photo, the `number`th of several under `title`.
    pub fn numbered_photo(&self, title: &str, number: usize) -> String {
        format!("{title}{}{number}", self.photo_number)
    }

    pub fn kind(&self, kind: EntryKind) -> &'static str {
        self.kinds[kind.index()]
    }

    /// "Sessions", "演讲", "Vorträge".
    pub fn kind_plural(&self, kind: EntryKind) -> &'static str {
        self.kinds_plural[kind.index()]
    }

    /// "Lunch", "午餐", "Mittagessen"; a meal of no type is "Meal".
    pub fn meal(&self, meal: Option<MealType>) -> &'static str {
        let index = match meal {
            Some(MealType::Breakfast) => 0,
            Some(MealType::Lunch) => 1,
            Some(MealType::Dinner) => 2,
            Some(MealType::Snack) => 3,
            None => 4,
        };
        self.meals[index]
    }

    /// A date as the language writes it: 2018-11-13 (English, as before), 2018年11月13日,
    /// 13. November 2018.
    pub fn date(&self, day: NaiveDate) -> String {
        match self.tag {
            "zh-Hans" => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
            "de" => format!("{}. {} {}", day.day(), self.month(day), day.year()),
            _ => day.to_string(),
        }
    }

    fn month(&self, day: NaiveDate) -> &'static str {
        self.months[day.month0() as usize]
    }

    fn weekday(&self, weekday: Weekday) -> &'static str {
        self.weekdays[weekday.num_days_from_monday() as usize]
    }

    /// A weekday in a few letters: "Tue", "周二", "Di".
    pub fn short_weekday(&self, day: NaiveDate) -> String {
        let weekday = self.weekday(day.weekday());
        match self.tag {
            "zh-Hans" => format!("周{}", weekday.chars().last().unwrap_or('一')),
            "de" => weekday.chars().take(2).collect(),
            _ => weekday.chars().take(3).collect(),
        }
    }

    /// A day in few letters with its weekday, for tabs and status lines: "Tue 13 Nov",
    /// "11月13日 周二", "Di 13.11." (and the year after it when `with_year`).
    pub fn short_date(&self, day: NaiveDate, with_year: bool) -> String {
        let weekday = self.short_weekday(day);
        let (number, month, year) = (day.day(), day.month(), day.year());
        match (self.tag, with_year) {
            ("zh-Hans", false) => format!("{month}月{number}日 {weekday}"),
            ("zh-Hans", true) => format!("{year}年{month}月{number}日 {weekday}"),
            ("de", false) => format!("{weekday} {number}.{month}."),
            ("de", true) => format!("{weekday} {number}.{month}.{year}"),
            (_, false) => format!("{weekday} {number} {}", self.short_month(day)),
            (_, true) => format!("{weekday} {number} {} {year}", self.short_month(day)),
        }
    }

    fn short_month(&self, day: NaiveDate) -> String {
        self.month(day).chars().take(3).collect()
    }

    /// A day with its weekday: "Wednesday, 14 November 2018", "2018年11月14日 星期三",
    /// "Mittwoch, 14. November 2018".
    fn weekday_date(&self, day: NaiveDate) -> String {
        let weekday = self.weekday(day.weekday());
        match self.tag {
            "zh-Hans" => format!("{} {weekday}", self.date(day)),
            "de" => format!("{weekday}, {}", self.date(day)),
            _ => format!(
                "{weekday}, {} {} {}",
                day.day(),
                self.month(day),
                day.year()
            ),
        }
    }

    /// A talk's time and room in few words: "Sat 14:00 Saal 1", "周六 14:00 Saal 1", an all-day
    /// item "Sat all day Hall".
    pub fn slot(&self, slot: &TalkSlot, zone: Tz) -> String {
        let when = match &slot.time {
            TalkTime::Timed { start, .. } => {
                let local = start.with_timezone(&zone);
                let weekday = self.short_weekday(local.date_naive());
                format!("{weekday} {}", local.format("%H:%M"))
            }
            TalkTime::AllDay { first, .. } => {
                format!("{} {}", self.short_weekday(*first), self.all_day)
            }
        };
        if slot.room.is_empty() {
            when
        } else {
            format!("{when} {}", slot.room)
        }
    }

    /// The heading of a day: "Day 2 · Wednesday, 14 November 2018" inside the trip, the
    /// date alone before its first day (or when it has none).
    pub fn day_heading(&self, day: NaiveDate, first_day: Option<NaiveDate>) -> String {
        let dated = self.weekday_date(day);
        match first_day.map(|first| (day - first).num_days() + 1) {
            Some(number) if number >= 1 => format!(
                "{} · {dated}",
                self.day_number.replace("{n}", &number.to_string())
            ),
            _ => dated,
        }
    }

    /// The trip's dates: one day, a range, or an open end.
    pub fn date_range(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
        match (start, end) {
            (Some(start), Some(end)) if start == end => self.date(start),
            (Some(start), Some(end)) => format!("{} – {}", self.date(start), self.date(end)),
            (Some(start), None) => self.date(start),
            (None, Some(end)) => format!("– {}", self.date(end)),
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::date_range_text;

    #[test]
    fn english_dates_are_the_windows_and_others_follow_their_language() {
        let day = NaiveDate::from_ymd_opt(2018, 11, 14).unwrap();
        let first = NaiveDate::from_ymd_opt(2018, 11, 13);
        let english = words(PostLanguage::English);
        assert_eq!(
            english.day_heading(day, first),
            "Day 2 · Wednesday, 14 November 2018"
        );
        assert_eq!(
            english.day_heading(first.unwrap(), day.succ_opt()),
            "Tuesday, 13 November 2018"
        );
        assert_eq!(
            english.date_range(first, Some(day)),
            date_range_text(first, Some(day))
        );
        let chinese = words(PostLanguage::Chinese);
        assert_eq!(
            chinese.day_heading(day, first),
            "第2天 · 2018年11月14日 星期三"
        );
        assert_eq!(chinese.date(day), "2018年11月14日");
        let german = words(PostLanguage::German);
        assert_eq!(
            german.day_heading(day, first),
            "Tag 2 · Mittwoch, 14. November 2018"
        );
        assert_eq!(german.meal(Some(MealType::Lunch)), "Mittagessen");
    }

    #[test]
    fn short_dates_name_the_weekday_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2018, 11, 13).unwrap();
        let short = |language| {
            let words = words(language);
            (words.short_date(day, false), words.short_date(day, true))
        };
        assert_eq!(
            short(PostLanguage::English),
            ("Tue 13 Nov".to_string(), "Tue 13 Nov 2018".to_string())
        );
        assert_eq!(
            short(PostLanguage::Chinese),
            (
                "11月13日 周二".to_string(),
                "2018年11月13日 周二".to_string()
            )
        );
        assert_eq!(
            short(PostLanguage::German),
            ("Di 13.11.".to_string(), "Di 13.11.2018".to_string())
        );
        assert_eq!(
            words(PostLanguage::Chinese).short_weekday(day.pred_opt().unwrap()),
            "周一"
        );
    }
}
