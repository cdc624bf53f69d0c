//! Which time zone a trip is in, told from its city or country: a table of common travel
//! destinations and the IANA zone of each.
//!
//! Names are compared folded (see [`super::search::fold`]), so "München", "munchen" and
//! "MUNCHEN" are one city; Chinese and Japanese names are listed as they are written. A city
//! decides before its country. Countries that span several zones (the United States,
//! Canada, Australia, Brazil, Russia, Mexico) are not listed: only their cities tell.

use chrono_tz::Tz;
use chrono_tz::{Africa, America, Asia, Australia, Europe, Pacific};

use super::rules::LIST_SEPARATORS;
use super::search::fold;

/// Cities, by zone. Names are folded (lower case, no accents).
const CITIES: &[(&[&str], Tz)] = &[
    (
        &[
            "berlin",
            "munich",
            "munchen",
            "hamburg",
            "frankfurt",
            "cologne",
            "koln",
            "柏林",
            "慕尼黑",
            "汉堡",
            "法兰克福",
        ],
        Europe::Berlin,
    ),
    (&["paris", "lyon", "nice", "巴黎"], Europe::Paris),
    (
        &["london", "manchester", "edinburgh", "伦敦"],
        Europe::London,
    ),
    (&["dublin"], Europe::Dublin),
    (&["amsterdam", "rotterdam", "阿姆斯特丹"], Europe::Amsterdam),
    (&["brussels", "bruxelles", "布鲁塞尔"], Europe::Brussels),
    (&["vienna", "wien", "维也纳"], Europe::Vienna),
    (
        &["zurich", "geneva", "geneve", "basel", "苏黎世", "日内瓦"],
        Europe::Zurich,
    ),
    (
        &["madrid", "barcelona", "马德里", "巴塞罗那"],
        Europe::Madrid,
    ),
    (&["lisbon", "lisboa", "porto", "里斯本"], Europe::Lisbon),
    (
        &["rome", "roma", "milan", "milano", "罗马", "米兰"],
        Europe::Rome,
    ),
    (&["prague", "praha", "布拉格"], Europe::Prague),
    (&["warsaw", "warszawa", "krakow", "华沙"], Europe::Warsaw),
    (&["copenhagen", "kobenhavn", "哥本哈根"], Europe::Copenhagen),
    (&["stockholm", "斯德哥尔摩"], Europe::Stockholm),
    (&["oslo", "奥斯陆"], Europe::Oslo),
    (&["helsinki", "赫尔辛基"], Europe::Helsinki),
    (&["athens", "雅典"], Europe::Athens),
    (&["istanbul", "伊斯坦布尔"], Europe::Istanbul),
    (&["moscow", "moskva", "莫斯科"], Europe::Moscow),
    (
        &[
            "shanghai",
            "beijing",
            "peking",
            "shenzhen",
            "guangzhou",
            "hangzhou",
            "chengdu",
            "nanjing",
            "wuhan",
            "xi'an",
            "xian",
            "上海",
            "北京",
            "深圳",
            "广州",
            "杭州",
            "成都",
            "南京",
            "武汉",
            "西安",
        ],
        Asia::Shanghai,
    ),
    (&["hong kong", "hongkong", "香港"], Asia::Hong_Kong),
    (&["taipei", "台北", "臺北"], Asia::Taipei),
    (
        &["tokyo", "osaka", "kyoto", "东京", "東京", "大阪", "京都"],
        Asia::Tokyo,
    ),
    (&["seoul", "busan", "首尔", "서울"], Asia::Seoul),
    (&["singapore", "新加坡"], Asia::Singapore),
    (&["bangkok", "曼谷"], Asia::Bangkok),
    (&["kuala lumpur", "吉隆坡"], Asia::Kuala_Lumpur),
    (
        &[
            "delhi",
            "new delhi",
            "mumbai",
            "bangalore",
            "bengaluru",
            "孟买",
        ],
        Asia::Kolkata,
    ),
    (&["dubai", "abu dhabi", "迪拜"], Asia::Dubai),
    (&["tel aviv", "jerusalem"], Asia::Jerusalem),
    (
        &[
            "new york",
            "new york city",
            "nyc",
            "boston",
            "washington",
            "washington dc",
            "miami",
            "atlanta",
            "纽约",
            "波士顿",
            "华盛顿",
        ],
        America::New_York,
    ),
    (
        &["toronto", "montreal", "ottawa", "多伦多"],
        America::Toronto,
    ),
    (
        &["chicago", "austin", "dallas", "houston", "芝加哥"],
        America::Chicago,
    ),
    (&["denver"], America::Denver),
    (
        &[
            "san francisco",
            "los angeles",
            "seattle",
            "san jose",
            "portland",
            "las vegas",
            "旧金山",
            "洛杉矶",
            "西雅图",
        ],
        America::Los_Angeles,
    ),
    (&["vancouver", "温哥华"], America::Vancouver),
    (&["mexico city", "ciudad de mexico"], America::Mexico_City),
    (
        &["sao paulo", "rio de janeiro", "圣保罗"],
        America::Sao_Paulo,
    ),
    (&["buenos aires"], America::Argentina::Buenos_Aires),
    (&["sydney", "悉尼"], Australia::Sydney),
    (&["melbourne", "墨尔本"], Australia::Melbourne),
    (&["brisbane"], Australia::Brisbane),
    (&["perth"], Australia::Perth),
    (&["auckland", "wellington", "奥克兰"], Pacific::Auckland),
    (&["cairo", "开罗"], Africa::Cairo),
    (&["cape town", "johannesburg"], Africa::Johannesburg),
    (&["nairobi"], Africa::Nairobi),
];

/// Countries that lie in one zone (or nearly all in one), by zone.
const COUNTRIES: &[(&[&str], Tz)] = &[
    (&["germany", "deutschland", "de", "德国"], Europe::Berlin),
    (&["france", "fr", "法国"], Europe::Paris),
    (
        &[
            "united kingdom",
            "uk",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "英国",
        ],
        Europe::London,
    ),
    (&["ireland", "爱尔兰"], Europe::Dublin),
    (
        &["netherlands", "the netherlands", "holland", "nl", "荷兰"],
        Europe::Amsterdam,
    ),
    (&["belgium", "比利时"], Europe::Brussels),
    (&["austria", "osterreich", "奥地利"], Europe::Vienna),
    (
        &["switzerland", "schweiz", "suisse", "瑞士"],
        Europe::Zurich,
    ),
    (&["spain", "espana", "西班牙"], Europe::Madrid),
    (&["portugal", "葡萄牙"], Europe::Lisbon),
    (&["italy", "italia", "意大利"], Europe::Rome),
    (&["czechia", "czech republic", "捷克"], Europe::Prague),
    (&["poland", "polska", "波兰"], Europe::Warsaw),
    (&["denmark", "丹麦"], Europe::Copenhagen),
    (&["sweden", "瑞典"], Europe::Stockholm),
    (&["norway", "挪威"], Europe::Oslo),
    (&["finland", "芬兰"], Europe::Helsinki),
    (&["greece", "希腊"], Europe::Athens),
    (&["turkey", "turkiye", "土耳其"], Europe::Istanbul),
    (&["china", "prc", "cn", "中国"], Asia::Shanghai),
    (&["taiwan", "台湾", "臺灣"], Asia::Taipei),
    (&["japan", "jp", "日本"], Asia::Tokyo),
    (&["south korea", "korea", "韩国", "한국"], Asia::Seoul),
    (&["thailand", "泰国"], Asia::Bangkok),
    (&["malaysia", "马来西亚"], Asia::Kuala_Lumpur),
    (&["india", "印度"], Asia::Kolkata),
    (&["united arab emirates", "uae", "阿联酋"], Asia::Dubai),
    (&["israel"], Asia::Jerusalem),
    (&["new zealand", "新西兰"], Pacific::Auckland),
    (&["egypt", "埃及"], Africa::Cairo),
    (&["south africa", "南非"], Africa::Johannesburg),
    (&["kenya"], Africa::Nairobi),
    (&["argentina", "阿根廷"], America::Argentina::Buenos_Aires),
];

/// The zone of the first place in `names` (a comma-separated list is tried item by item).
fn zone_in(table: &[(&[&str], Tz)], names: &str) -> Option<Tz> {
    names.split(LIST_SEPARATORS).find_map(|name| {
        let name = fold(name.trim());
        table
            .iter()
            .find(|(names, _)| names.contains(&name.as_str()))
            .map(|(_, zone)| *zone)
    })
}

/// The time zone of a trip to `city` in `country`, when the table knows either: the city
/// first ("Vancouver" in Canada), else the country ("Germany").
pub fn zone_of_place(city: &str, country: &str) -> Option<Tz> {
    zone_in(CITIES, city).or_else(|| zone_in(COUNTRIES, country))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn cities_and_countries_give_their_zones() {
        let cases = [
            ("Berlin", "", Europe::Berlin),
            ("", "Germany", Europe::Berlin),
            ("München", "", Europe::Berlin),
            ("Shanghai", "", Asia::Shanghai),
            (" BEIJING ", "", Asia::Shanghai),
            ("上海", "中国", Asia::Shanghai),
            ("", "China", Asia::Shanghai),
            ("Tokyo", "Japan", Asia::Tokyo),
            ("", "日本", Asia::Tokyo),
            ("New York", "USA", America::New_York),
            ("San Francisco", "", America::Los_Angeles),
            ("London", "", Europe::London),
            ("Paris", "France", Europe::Paris),
            ("Vancouver", "Canada", America::Vancouver),
            ("Sydney", "Australia", Australia::Sydney),
            ("Zürich", "", Europe::Zurich),
            ("São Paulo", "Brazil", America::Sao_Paulo),
        ];
        for (city, country, zone) in cases {
            assert_eq!(
                zone_of_place(city, country),
                Some(zone),
                "{city} / {country}"
            );
        }
    }

    #[test]
    fn the_city_decides_before_the_country_and_lists_are_tried_in_order() {
        assert_eq!(
            zone_of_place("Vancouver", "Germany"),
            Some(America::Vancouver)
        );
        assert_eq!(
            zone_of_place("Springfield", "Germany"),
            Some(Europe::Berlin)
        );
        assert_eq!(zone_of_place("Berlin, Germany", ""), Some(Europe::Berlin));
        assert_eq!(zone_of_place("Somewhere，东京", ""), Some(Asia::Tokyo));
    }

    #[test]
    fn unknown_places_and_countries_of_many_zones_give_none() {
        assert_eq!(zone_of_place("", ""), None);
        assert_eq!(zone_of_place("Springfield", "USA"), None);
        assert_eq!(zone_of_place("", "Canada"), None);
        assert_eq!(zone_of_place("", "Australia"), None);
        assert_eq!(zone_of_place("Berl", ""), None, "whole names only");
    }

    #[test]
    fn the_table_is_folded_and_names_each_place_once() {
        for table in [CITIES, COUNTRIES] {
            let mut seen = HashSet::new();
            for (names, _) in table {
                for name in *names {
                    assert_eq!(fold(name), *name, "{name} must be listed folded");
                    assert!(seen.insert(*name), "{name} is listed twice");
                }
            }
        }
    }
}
