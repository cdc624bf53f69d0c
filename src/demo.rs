//! The demo trip: a few days at a summit in Berlin in November 2018, modelled on the kind of
//! post tripjournal exists to write. Sessions (one given by the user), meals (a poor conference
//! lunch box), food ratings (pork knuckles) and notes, in Chinese and English, with photos that
//! this module paints itself, so a newcomer sees a full trip in one command.

use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;
use image::{Rgb, RgbImage};

use crate::model::rules::parse_local_time;
use crate::model::{
    EntryContent, EntryFields, FoodRating, Meal, MealType, ModelError, Money, Rating, RatingSource,
    Session, SessionRole, SubRatings, TripFields, TripId,
};
use crate::photos::{ImportError, import_bytes};
use crate::store::{PhotoInsert, Store, StoreError};

const SECTION_COMMUNITY: &str = "一、社区在发展";
const SECTION_SPEAKER: &str = "二、我在峰会：从旁听者到分享者";
const SECTION_SUMMARY: &str = "三、总结";

/// The typed part of a demo entry.
enum Details {
    Session {
        speakers: &'static [&'static str],
        track: &'static str,
        room: &'static str,
        minutes: u32,
        gave_it: bool,
        link: Option<&'static str>,
        notes: &'static str,
        takeaways: &'static str,
        usefulness: Option<u8>,
    },
    Meal {
        meal: MealType,
        venue: &'static str,
        address: &'static str,
        dishes: &'static [&'static str],
        cents: i64,
        notes: &'static str,
        half_stars: u8,
    },
    /// A pork knuckle, rated: venue, overall and taste in half stars, price in cents,
    /// where the score comes from, and the verdict.
    Knuckle {
        venue: &'static str,
        overall: u8,
        taste: u8,
        cents: i64,
        source: &'static str,
        verdict: &'static str,
    },
    Note,
}

/// One demo entry: title, trip-local time, section, tags, body, its photo and details.
struct DemoEntry {
    title: &'static str,
    at: &'static str,
    section: &'static str,
    tags: &'static [&'static str],
    body: &'static str,
    scene: Option<Scene>,
    details: Details,
}

const DEMO_ENTRIES: [DemoEntry; 11] = [
    DemoEntry {
        title: "Keynotes: Open Infrastructure",
        at: "2018-11-13 09:00",
        section: SECTION_COMMUNITY,
        tags: &["keynote"],
        body: "OpenStack 的内涵在被延展，从单一的云平台到基础设施层面：CI/CD、容器、边缘计算、HPC、NFV。\n\n\
               > The summit will be renamed **Open Infrastructure Summit**.",
        scene: Some(Scene::Stage),
        details: Details::Session {
            speakers: &["Jonathan Bryce", "Mark Collier"],
            track: "Keynotes",
            room: "Hall A, CityCube",
            minutes: 90,
            gave_it: false,
            link: Some("https://www.openstack.org/videos/summits/berlin-2018"),
            notes: "Kata Containers 1.x demo on stage.",
            takeaways: "OpenStack is becoming one part of a wider open infrastructure.",
            usefulness: Some(8),
        },
    },
    DemoEntry {
        title: "Comparison between Open Edge Projects (Akraino/StarlingX/OpenCord/vCO) v.s. ETSI MEC RA",
        at: "2018-11-13 14:00",
        section: SECTION_COMMUNITY,
        tags: &["edge", "nfv", "5g"],
        body: "MEC 方案百花齐放，但还没有事实标准；运营商希望厂商给出完整的使用场景。",
        scene: None,
        details: Details::Session {
            speakers: &["China Unicom", "Intel", "99Cloud"],
            track: "Telecom + NFV",
            room: "M-Räume 1",
            minutes: 40,
            gave_it: false,
            link: None,
            notes: "",
            takeaways: "StarlingX makes building an OpenStack distribution much simpler.",
            usefulness: Some(7),
        },
    },
    DemoEntry {
        title: "Ceph in a multi-cloud world",
        at: "2018-11-15 11:00",
        section: SECTION_COMMUNITY,
        tags: &[],
        body: "Ceph 之父 Sage 分享多云及混合云场景下的新特性，干货满满。",
        scene: Some(Scene::Stage),
        details: Details::Session {
            speakers: &["Sage Weil"],
            track: "Private & Hybrid Cloud",
            room: "Hall B",
            minutes: 40,
            gave_it: false,
            link: None,
            notes: "",
            takeaways: "Watch the RGW multi-site work.",
            usefulness: Some(10),
        },
    },
    DemoEntry {
        title: "A Better VM HA Solution: Split-brain Solving & Host Network Fault Awareness",
        at: "2018-11-14 16:20",
        section: SECTION_SPEAKER,
        tags: &["my-talk", "ha"],
        body: "第一次站在峰会的台上：真的会紧张！（笑）\n\n听众很多，问答环节很热烈，结束时会场响起了掌声。",
        scene: Some(Scene::Audience),
        details: Details::Session {
            speakers: &["Demo Author", "Colleague"],
            track: "HA & Resilience",
            room: "Hall 7, CityCube",
            minutes: 40,
            gave_it: true,
            link: Some("https://example.com/slides/vm-ha-berlin-2018.pdf"),
            notes: "Slides: 32; demo video: 3 min.",
            takeaways: "Questions on fencing and on the network probe interval.",
            usefulness: None,
        },
    },
    DemoEntry {
        title: "Talking with the Masakari PTL",
        at: "2018-11-14 17:10",
        section: SECTION_SPEAKER,
        tags: &[],
        body: "会后和 Masakari 项目 PTL 以及 SIG 技术 Leader 聊了聊，他们邀请我们参加明天两场可靠性相关的演讲。\n\n\
               - share test results\n- compare fencing approaches",
        scene: None,
        details: Details::Note,
    },
    DemoEntry {
        title: "Conference lunch box",
        at: "2018-11-13 12:30",
        section: SECTION_SUMMARY,
        tags: &[],
        body: "这次峰会的午饭冷餐简直了：袋子里是个贼硬还没啥味道的干面包。",
        scene: Some(Scene::LunchBox),
        details: Details::Meal {
            meal: MealType::Lunch,
            venue: "CityCube Berlin",
            address: "Messedamm 26, 14055 Berlin",
            dishes: &["dry bread roll", "cheese", "apple"],
            cents: 0,
            notes: "Worse than Barcelona.",
            half_stars: 3,
        },
    },
    DemoEntry {
        title: "Currywurst near the station",
        at: "2018-11-13 20:15",
        section: SECTION_SUMMARY,
        tags: &[],
        body: "",
        scene: None,
        details: Details::Meal {
            meal: MealType::Dinner,
            venue: "Imbiss am Bahnhof (demo)",
            address: "",
            dishes: &["Currywurst", "Pommes"],
            cents: 650,
            notes: "",
            half_stars: 7,
        },
    },
    DemoEntry {
        title: "柏林肘子 No.1",
        at: "2018-11-15 19:30",
        section: SECTION_SUMMARY,
        tags: &["pork-knuckle"],
        body: "",
        scene: Some(Scene::Plate),
        details: Details::Knuckle {
            venue: "Brauhaus an der Spree (demo)",
            overall: 9,
            taste: 10,
            cents: 1890,
            source: "own",
            verdict: "外皮酥脆，肉嫩多汁 — crackling skin, the best of the trip.",
        },
    },
    DemoEntry {
        title: "Eisbein, the northern style",
        at: "2018-11-14 19:30",
        section: SECTION_SUMMARY,
        tags: &["pork-knuckle"],
        body: "",
        scene: Some(Scene::Plate),
        details: Details::Knuckle {
            venue: "Alt-Berliner Wirtshaus (demo)",
            overall: 8,
            taste: 8,
            cents: 1650,
            source: "4.6 on a review site",
            verdict: "Boiled, not roasted: 北派讲究的是……",
        },
    },
    DemoEntry {
        title: "Haxe to go",
        at: "2018-11-16 19:30",
        section: SECTION_SUMMARY,
        tags: &["pork-knuckle"],
        body: "",
        scene: None,
        details: Details::Knuckle {
            venue: "Markthalle stand (demo)",
            overall: 6,
            taste: 6,
            cents: 1200,
            source: "4.2 on a review site",
            verdict: "Fine for a quick dinner.",
        },
    },
    DemoEntry {
        title: "正经向 · The serious part",
        at: "2018-11-15 22:00",
        section: SECTION_SUMMARY,
        tags: &[],
        body: "这次峰会是 OpenStack 对之前发展的一次高度总结，既继承了已有的闪光点，又昭示了未来的道路。\n\n\
               *Next time: bring better lunch.* 🥨",
        scene: None,
        details: Details::Note,
    },
];

/// Photos of the city that belong to no entry: seed and caption (the first is the cover).
const CITY_PHOTOS: [(u32, &str); 2] = [(100, "CityCube at dusk"), (101, "Spree 河畔")];

fn demo_trip_fields() -> TripFields {
    let mut trip = TripFields::named("OpenStack 柏林峰会 · Berlin Summit 2018");
    trip.city = "Berlin".into();
    trip.country = "Germany".into();
    trip.start_date = NaiveDate::from_ymd_opt(2018, 11, 12);
    trip.end_date = NaiveDate::from_ymd_opt(2018, 11, 16);
    trip.time_zone = Berlin;
    trip.author = "Demo Author".into();
    trip.summary = "第18届 OpenStack Summit 在柏林 CityCube 举行：近3000人参会，200多个议题。\n\n\
                    Three days of talks on edge computing, containers and NFV — and the search for \
                    Berlin's best pork knuckle."
        .into();
    trip.tags = vec!["openstack".into(), "conference".into(), "berlin".into()];
    trip
}

/// Creates the demo trip with its entries and photos and returns its id.
pub fn create_demo_trip(store: &mut Store) -> Result<TripId, ImportError> {
    let trip_id = store.create_trip(&demo_trip_fields())?;
    for (index, demo) in DEMO_ENTRIES.iter().enumerate() {
        let fields = entry_fields(demo)?;
        let entry_id = store.create_entry(trip_id, &fields)?;
        if let Some(scene) = demo.scene {
            let jpeg = paint(scene, index as u32)?;
            let name = format!("demo-{index:02}.jpg");
            import_bytes(store, trip_id, Some(entry_id), demo.title, &name, jpeg)?;
        }
    }
    for (seed, caption) in CITY_PHOTOS {
        let jpeg = paint(Scene::Skyline, seed)?;
        let name = format!("demo-city-{seed}.jpg");
        if let PhotoInsert::Imported(photo) =
            import_bytes(store, trip_id, None, caption, &name, jpeg)?
            && seed == CITY_PHOTOS[0].0
        {
            store.set_trip_cover(trip_id, Some(photo))?;
        }
    }
    Ok(trip_id)
}

/// The entry a table row describes. A bad value in the table is an error, never a guess.
fn entry_fields(demo: &DemoEntry) -> Result<EntryFields, ImportError> {
    let invalid = |error: ModelError| ImportError::Store(StoreError::Invalid(error));
    let at = parse_local_time(demo.at, Berlin).map_err(invalid)?;
    let stars = |half_stars: u8| {
        Rating::from_half_stars(half_stars)
            .map(Some)
            .map_err(invalid)
    };
    let euros = |cents: i64| Money::new(cents, "EUR").map(Some).map_err(invalid);
    let list = |items: &[&str]| items.iter().map(|item| item.to_string()).collect();
    let content = match &demo.details {
        Details::Session {
            speakers,
            track,
            room,
            minutes,
            gave_it,
            link,
            notes,
            takeaways,
            usefulness,
        } => EntryContent::Session(Session {
            speakers: list(speakers),
            track: track.to_string(),
            room: room.to_string(),
            duration_min: Some(*minutes),
            role: if *gave_it {
                SessionRole::Speaker
            } else {
                SessionRole::Attended
            },
            link: link.map(str::to_string),
            notes: notes.to_string(),
            takeaways: takeaways.to_string(),
            usefulness: usefulness.map(stars).transpose()?.flatten(),
        }),
        Details::Meal {
            meal,
            venue,
            address,
            dishes,
            cents,
            notes,
            half_stars,
        } => EntryContent::Meal(Meal {
            meal_type: Some(*meal),
            venue: venue.to_string(),
            address: address.to_string(),
            dishes: list(dishes),
            price: euros(*cents)?,
            notes: notes.to_string(),
            rating: stars(*half_stars)?,
        }),
        Details::Knuckle {
            venue,
            overall,
            taste,
            cents,
            source,
            verdict,
        } => EntryContent::FoodRating(FoodRating {
            dish: "Schweinshaxe".into(),
            venue: venue.to_string(),
            category: "Schweinshaxe".into(),
            overall: stars(*overall)?,
            sub_ratings: SubRatings {
                taste: stars(*taste)?,
                value: stars(8)?,
                service: stars(7)?,
                atmosphere: stars(9)?,
            },
            price: euros(*cents)?,
            source: RatingSource::from_text(source),
            verdict: verdict.to_string(),
        }),
        Details::Note => EntryContent::Note,
    };
    let mut fields = EntryFields::new(content.kind(), demo.title, at);
    fields.section = Some(demo.section.to_string());
    fields.tags = list(demo.tags);
    fields.body = demo.body.to_string();
    fields.content = content;
    Ok(fields)
}

/// What a generated demo photo shows.
#[derive(Debug, Clone, Copy)]
enum Scene {
    Stage,
    Audience,
    LunchBox,
    Plate,
    Skyline,
}

/// A tiny deterministic random source for photo grain.
struct Grain(u32);

impl Grain {
    fn next(&mut self) -> i32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        ((self.0 >> 24) as i32 % 17) - 8
    }
}

/// Paints a 960×640 photo-like picture of a scene and returns it as JPEG bytes.
fn paint(scene: Scene, seed: u32) -> Result<Vec<u8>, ImportError> {
    const WIDTH: u32 = 960;
    const HEIGHT: u32 = 640;
    let mut grain = Grain(seed.wrapping_mul(7919).wrapping_add(17));
    let shift = (seed * 37 % 60) as i32;
    let mut image = RgbImage::new(WIDTH, HEIGHT);
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32 / WIDTH as f32, y as f32 / HEIGHT as f32);
        let base: [f32; 3] = match scene {
            Scene::Stage => {
                let spot = 1.0 - ((fx - 0.5).powi(2) + (fy - 0.35).powi(2)).sqrt() * 2.0;
                if fy > 0.7 {
                    [40.0, 30.0, 50.0]
                } else {
                    [
                        30.0 + 200.0 * spot.max(0.0),
                        40.0 + 120.0 * spot.max(0.0),
                        120.0,
                    ]
                }
            }
            Scene::Audience => {
                let heads = ((fx * 40.0).sin() * (fy * 30.0).sin()).abs();
                if fy < 0.3 {
                    [230.0, 230.0, 240.0]
                } else {
                    [60.0 + 80.0 * heads, 50.0 + 40.0 * heads, 45.0]
                }
            }
            Scene::LunchBox => {
                let bag = (fx - 0.5).abs() < 0.25 && (fy - 0.55).abs() < 0.3;
                let bread = ((fx - 0.5).powi(2) / 0.02 + (fy - 0.5).powi(2) / 0.01) < 1.0;
                if bread {
                    [200.0, 160.0, 100.0]
                } else if bag {
                    [180.0, 170.0, 150.0]
                } else {
                    [90.0, 110.0, 120.0]
                }
            }
            Scene::Plate => {
                let r = ((fx - 0.5).powi(2) + ((fy - 0.5) * 0.7).powi(2)).sqrt();
                if r < 0.15 {
                    [150.0, 80.0, 40.0]
                } else if r < 0.3 {
                    [245.0, 245.0, 240.0]
                } else {
                    [110.0, 70.0, 40.0]
                }
            }
            Scene::Skyline => {
                let tower = ((fx * 12.0).floor() as i32 * 7 + shift) % 10;
                let roof = 0.45 + tower as f32 * 0.03;
                if fy > roof {
                    [50.0, 50.0, 60.0]
                } else {
                    [250.0 - 150.0 * fy, 140.0 + 60.0 * fy, 90.0 + 120.0 * fy]
                }
            }
        };
        let noise = grain.next() as f32;
        *pixel = Rgb(base.map(|channel| (channel + noise).clamp(0.0, 255.0) as u8));
    }
    crate::photos::encode_web_jpeg(&image, 90)
}
